import type { z } from 'zod';
import type { characterVoiceSchema } from '../../contract';

export type { Access, ReasoningMode } from '../../contract';
export type CharacterVoice = z.infer<typeof characterVoiceSchema>;
