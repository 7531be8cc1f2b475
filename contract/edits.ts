import { z } from 'zod';
import { lazySchema } from './lazy';
import {
  LIMITS,
  formatCount,
  controlCharacterIndex,
  controlCharacterMessage,
  oneLineString,
  replaceControlCharacters,
  timestampSchema,
} from './common';
import {
  accessSchema,
  agentSettingsReadSchema,
  agentSettingsSchema,
  guardrailSettingSchema,
  instructionReadSchema,
  instructionSchema,
  knowledgeSourcesReadSchema,
  linkedToolSchema,
  actionConfigSchema,
  sharepointFolderReadSchema,
  tagSchema,
  folderUrlSchema,
  normalizeTag,
} from './agent';

/** `PUT /agents/{id}`: any subset of agent_settings but access and tags. */
export const agentSettingsUpdateSchema = lazySchema(() =>
  agentSettingsSchema
    .omit({ access: true, tags: true })
    .partial()
    .strict()
    .refine((v) => Object.keys(v).length > 0, { message: 'Send at least one field to change' }),
);
export type AgentSettingsUpdate = z.infer<typeof agentSettingsUpdateSchema>;

/** `POST /agents`. */
export const createAgentSchema = lazySchema(() =>
  agentSettingsSchema
    .omit({ agent_name: true })
    .partial()
    .extend({
      agent_name: agentSettingsSchema.shape.agent_name,
      project_id: z.number({ error: 'Choose a project' }).int().positive('Choose a project'),
    })
    .strict(),
);
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

export const addInstructionSchema = lazySchema(() =>
  z.object({ instruction: instructionSchema.shape.instruction }).strict(),
);
export type AddInstructionInput = z.infer<typeof addInstructionSchema>;

export const replaceInstructionsSchema = lazySchema(() =>
  z
    .object({
      instructions: z
        .array(instructionSchema)
        .max(LIMITS.instructions, `An agent has at most ${formatCount(LIMITS.instructions)} instructions`),
    })
    .strict()
    .refine((v) => new Set(v.instructions.map((i) => i.id)).size === v.instructions.length, {
      message: 'Each instruction may appear once',
      path: ['instructions'],
    }),
);
export type ReplaceInstructionsInput = z.infer<typeof replaceInstructionsSchema>;

export const corpusIdsSchema = lazySchema(() =>
  z
    .object({
      corpus_ids: z
        .array(z.number().int().positive())
        .min(1, 'Choose at least one knowledge source')
        .max(500),
    })
    .strict(),
);
export type CorpusIdsInput = z.infer<typeof corpusIdsSchema>;

export const corpusConnectionUpdateSchema = lazySchema(() =>
  z
    .object({ is_enabled: z.boolean().optional(), is_default: z.boolean().optional() })
    .strict()
    .refine((v) => v.is_enabled !== undefined || v.is_default !== undefined, {
      message: 'Send is_enabled or is_default',
    }),
);
export type CorpusConnectionUpdate = z.infer<typeof corpusConnectionUpdateSchema>;

/**
 * Walks a JSON value in document order, a key before its value, and gives back the first thing
 * `find` finds (a string, a number or a key, with its path: `a.b[2].c`). Iterative, so it never
 * adds a limit on nesting of its own.
 */
function findInJson<T>(
  value: unknown,
  find: (node: unknown, path: string, isKey: boolean) => T | null,
): T | null {
  const pending: { value: unknown; path: string; isKey: boolean }[] = [{ value, path: '', isKey: false }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: v, path, isKey } = next;
    const found = find(v, path, isKey);
    if (found !== null) return found;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        pending.push({ value: v[i], path: `${path}[${i}]`, isKey: false });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const at = path === '' ? key : `${path}.${key}`;
        // The key goes on last so it comes off first.
        pending.push({ value: item, path: at, isKey: false }, { value: key, path: at, isKey: true });
      }
    }
  }
  return null;
}

/**
 * The first key or string value, in document order, holding a control character other than tab,
 * line feed and carriage return (a configuration is multi-line text, as JSON), with its path.
 */
const controlCharacterInJson = (value: unknown) =>
  findInJson(value, (node, path) =>
    typeof node === 'string' && controlCharacterIndex(node, true) >= 0 ? { path, text: node } : null,
  );

/**
 * The first value, in document order, that would not come back as it was sent: a number out of
 * range (`1e309` reads as Infinity, which is written back as null) or a key `__proto__` (an
 * object built from it loses it), with its path. (A whole number beyond 2^53 reads as the
 * nearest one that fits; only the text it came in tells, so the console's editor checks that.)
 */
export const unkeptValueInJson = (value: unknown): { path: string; message: string } | null =>
  findInJson(value, (node, path, isKey) => {
    if (isKey && node === '__proto__') return { path, message: RESERVED_KEY_MESSAGE };
    if (typeof node === 'number' && !Number.isFinite(node)) {
      const where = path === '' ? '' : ` at “${replaceControlCharacters(path)}”`;
      return { path, message: `The number${where} is out of range` };
    }
    return null;
  });

const RESERVED_KEY_MESSAGE = '“__proto__” cannot be used as a key';

/** An action configuration as sent: zod's record would drop a top-level `__proto__` without a word. */
const configInputSchema = lazySchema(() =>
  z
    .unknown()
    .superRefine((raw, ctx) => {
      if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, '__proto__'))
        ctx.addIssue({ code: 'custom', path: ['__proto__'], message: RESERVED_KEY_MESSAGE, continue: false });
    })
    .pipe(actionConfigSchema),
);

/** How deeply objects and arrays nest in a JSON value (a scalar: 0). Iterative, like the above. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: v, depth } = next;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const item of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>))
      pending.push({ value: item, depth: depth + 1 });
  }
  return deepest;
}

/**
 * The configuration's size as UTF-8 JSON (what is stored and sent on), or null when it is nested
 * too deeply to write out at all.
 */
export function configBytes(config: unknown): number | null {
  try {
    return new TextEncoder().encode(JSON.stringify(config)).length;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

export const actionConfigUpdateSchema = lazySchema(() =>
  z
    .object({ config: configInputSchema })
    .strict()
    .superRefine((v, ctx) => {
      // Depth first: what reads the configuration afterwards (the size, the fingerprint) may recurse.
      if (jsonDepth(v.config) > LIMITS.actionConfigDepth) {
        ctx.addIssue({
          code: 'custom',
          path: ['config'],
          message: `The configuration is nested too deeply (${LIMITS.actionConfigDepth} levels at most)`,
          continue: false,
        });
        return;
      }
      const bytes = configBytes(v.config);
      if (bytes !== null && bytes <= LIMITS.actionConfigBytes) return;
      ctx.addIssue({
        code: 'custom',
        path: ['config'],
        message:
          bytes === null
            ? 'The configuration is nested too deeply'
            : 'The configuration is too large (64 KiB at most)',
        continue: false,
      });
    })
    .superRefine((v, ctx) => {
      const unkept = unkeptValueInJson(v.config);
      if (unkept) ctx.addIssue({ code: 'custom', path: ['config'], message: unkept.message });
    })
    .superRefine((v, ctx) => {
      const found = controlCharacterInJson(v.config);
      if (found)
        ctx.addIssue({
          code: 'custom',
          path: ['config'],
          message: controlCharacterMessage(
            'The configuration',
            found.text,
            true,
            `in “${replaceControlCharacters(found.path)}”`,
          ),
        });
    }),
);
export type ActionConfigUpdate = z.infer<typeof actionConfigUpdateSchema>;

export const guardrailToggleSchema = lazySchema(() =>
  z.object({ guardrail_type: z.string().min(1).max(100), enabled: z.boolean() }).strict(),
);
export type GuardrailToggle = z.infer<typeof guardrailToggleSchema>;

export const accessUpdateSchema = lazySchema(() => z.object({ access: accessSchema }).strict());
export type AccessUpdate = z.infer<typeof accessUpdateSchema>;

export const annotateSchema = lazySchema(() =>
  z
    .object({
      add: z.array(tagSchema).max(LIMITS.tags).default([]),
      remove: z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags).default([]),
    })
    .strict()
    .superRefine((v, ctx) => {
      // Both at once has no one meaning: the order they would apply in is not in the request.
      // Spelled the same once trimmed and spaces folded. Not case aside: the same tag in another
      // case is a rename (remove the old spelling, add the new).
      const removed = new Set(v.remove.map(normalizeTag));
      const both = v.add.find((tag) => removed.has(normalizeTag(tag)));
      if (both !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['remove'],
          message: `The tag “${replaceControlCharacters(both)}” cannot be added and removed at once`,
        });
    }),
);
export type AnnotateInput = z.input<typeof annotateSchema>;

/**
 * A SharePoint folder's display name as it is written: one line, trimmed, at most 300
 * characters. `subject` names it in the messages (the sandbox also checks a name it takes from
 * the folder's address).
 */
export const folderNameSchema = (subject = 'The folder name') =>
  oneLineString(subject).trim().max(300, `${subject} is longer than 300 characters`);

export const sharepointFolderInputSchema = lazySchema(() =>
  z
    .object({
      folder_url: folderUrlSchema,
      folder_name: folderNameSchema().nullable().optional(),
      include_subfolders: z.boolean().optional(),
    })
    .strict(),
);
export type SharepointFolderInput = z.infer<typeof sharepointFolderInputSchema>;

const revision = { staging_revision: z.number().int(), has_unpublished_changes: z.boolean() };

/** Each edit answers with the updated part and the new staging revision. */
export const settingsEditResultSchema = lazySchema(() => agentSettingsReadSchema.extend(revision));
export const instructionsEditResultSchema = lazySchema(() =>
  z.object({
    instructions: z.array(instructionReadSchema),
    ...revision,
  }),
);
export const instructionAddedResultSchema = lazySchema(() => instructionReadSchema.extend(revision));
export const knowledgeSourcesEditResultSchema = lazySchema(() =>
  z.object({
    knowledge_sources: knowledgeSourcesReadSchema,
    ...revision,
  }),
);
export const toolsEditResultSchema = lazySchema(() =>
  z.object({ tools: z.array(linkedToolSchema), ...revision }),
);
export const guardrailsEditResultSchema = lazySchema(() =>
  z.object({
    guardrails: z.array(guardrailSettingSchema),
    ...revision,
  }),
);
export const accessEditResultSchema = lazySchema(() => z.object({ access: accessSchema, ...revision }));
export const tagsEditResultSchema = lazySchema(() => z.object({ tags: z.array(z.string()), ...revision }));
export const sharepointEditResultSchema = lazySchema(() =>
  z.object({
    sharepoint_folder: sharepointFolderReadSchema.nullable(),
    ...revision,
  }),
);

/**
 * 412 PRECONDITION_FAILED on an edit sent with a stale `If-Match`: `error.details` says who
 * changed staging since, and what the edited part holds now.
 */
export const staleRevisionDetailsSchema = lazySchema(() =>
  z.object({
    current_revision: z.number().int(),
    modified_by: z.string(),
    modified_on: timestampSchema,
    current: z.unknown(),
  }),
);
export type StaleRevisionDetails = z.infer<typeof staleRevisionDetailsSchema>;
