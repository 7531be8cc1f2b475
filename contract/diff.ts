import { z } from 'zod';
import { lazySchema } from './lazy';
import { sectionKeySchema } from './agent';
import { timestampSchema } from './common';

export const CHANGE_KINDS = ['added', 'removed', 'modified'] as const;
export const changeKindSchema = lazySchema(() => z.enum(CHANGE_KINDS));
export type ChangeKind = z.infer<typeof changeKindSchema>;

export const fieldChangeSchema = lazySchema(() =>
  z.object({
    /** Stable id: "prefix_prompt", "instructions/12", "tools/5/actions/9/config". */
    path: z.string(),
    /** For people: "System prompt", "Instruction 2". */
    label: z.string(),
    change: changeKindSchema,
    before: z.unknown(),
    after: z.unknown(),
    modified_by: z.string().nullable().optional(),
    modified_on: timestampSchema.nullable().optional(),
  }),
);
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const diffSectionSchema = lazySchema(() =>
  z.object({
    key: sectionKeySchema,
    title: z.string(),
    changes: z.array(fieldChangeSchema),
  }),
);
export type DiffSection = z.infer<typeof diffSectionSchema>;

export const diffSchema = lazySchema(() =>
  z.object({
    has_changes: z.boolean(),
    sections: z.array(diffSectionSchema),
  }),
);
export type Diff = z.infer<typeof diffSchema>;

export const stagingDiffSchema = lazySchema(() =>
  diffSchema.extend({
    agent_id: z.number().int(),
    staging_fingerprint: z.string(),
    live_change_track_id: z.number().int().nullable(),
  }),
);
export type StagingDiff = z.infer<typeof stagingDiffSchema>;
