import { z } from 'zod';
import { lazySchema } from './lazy';
import {
  LIMITS,
  formatCount,
  idParamSchema,
  itemsPerPageParamSchema,
  multiLineString,
  oneLineString,
  pageParamSchema,
  searchParamSchema,
  paginationSchema,
  timestampSchema,
} from './common';

export const ACCESS_LEVELS = ['Public', 'Only me'] as const;
export const accessSchema = lazySchema(() => z.enum(ACCESS_LEVELS));
export type Access = z.infer<typeof accessSchema>;

export const REASONING_MODES = ['off', 'low', 'medium', 'high'] as const;
export const reasoningModeSchema = lazySchema(() => z.enum(REASONING_MODES));
export type ReasoningMode = z.infer<typeof reasoningModeSchema>;

export const CHARACTER_VOICES = ['alloy', 'ash', 'coral', 'echo', 'sage', 'shimmer', 'verse'] as const;
export const characterVoiceSchema = lazySchema(() => z.enum(CHARACTER_VOICES));

export const refSchema = lazySchema(() => z.object({ id: z.number().int(), name: z.string() }));
export type Ref = z.infer<typeof refSchema>;

export const llmConfigRefSchema = lazySchema(() =>
  z.object({ id: z.number().int(), model_name: z.string() }),
);
export type LlmConfigRef = z.infer<typeof llmConfigRefSchema>;

/**
 * The one rule for tags, in the API and in the console's tag field: a tag is stored trimmed, with
 * each run of spaces made one plain space ("  spaced   tag " is "spaced tag"; a no-break or a thin
 * space counts as a space, so "open\u00a0enrolment" is "open enrolment", not a second tag that
 * looks the same), and two tags are the same tag when they differ only in case ("HR" and "hr").
 */
export const normalizeTag = (tag: string): string => tag.replace(/\s+/g, ' ').trim();
/** Each side goes through `normalizeTag`, so a tag stored before the rule took no-break spaces as spaces still matches. */
export const sameTag = (a: string, b: string): boolean =>
  normalizeTag(a).toLowerCase() === normalizeTag(b).toLowerCase();

export const tagSchema = lazySchema(() =>
  oneLineString('A tag')
    .overwrite(normalizeTag)
    .min(1, 'A tag cannot be empty')
    .max(LIMITS.tag, `A tag is at most ${formatCount(LIMITS.tag)} characters`),
);

const sampleQuestionSchema = lazySchema(() =>
  oneLineString('A sample question').max(
    LIMITS.sampleQuestion,
    `A sample question is at most ${formatCount(LIMITS.sampleQuestion)} characters`,
  ),
);

/** `agent_settings`: what `PUT /agents/{id}` edits, plus access and tags. */
export const agentSettingsSchema = lazySchema(() =>
  z.object({
    agent_name: oneLineString('The name')
      .trim()
      .min(1, 'The name cannot be empty')
      .max(LIMITS.agentName, `The name is at most ${formatCount(LIMITS.agentName)} characters`),
    domain: multiLineString('The description').max(
      LIMITS.description,
      `The description is at most ${formatCount(LIMITS.description)} characters`,
    ),
    prefix_prompt: multiLineString('The system prompt').max(
      LIMITS.prompt,
      'The system prompt is at most 8 MiB of text',
    ),
    sample_q1: sampleQuestionSchema,
    sample_q2: sampleQuestionSchema,
    sample_q3: sampleQuestionSchema,
    agent_type: refSchema.nullable(),
    llm_config: llmConfigRefSchema.nullable(),
    reasoning_mode: reasoningModeSchema,
    caching_enabled: z.boolean(),
    react_enabled: z.boolean(),
    react_max_iteration_count: z
      .number()
      .int('Whole numbers only')
      .min(1, 'At least 1 iteration')
      .max(50, 'At most 50 iterations'),
    character_voice: characterVoiceSchema.nullable(),
    access: accessSchema,
    tags: z.array(tagSchema).max(LIMITS.tags),
  }),
);
export type AgentSettings = z.infer<typeof agentSettingsSchema>;

export const instructionSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    instruction: multiLineString('An instruction')
      .trim()
      .min(1, 'An instruction cannot be empty')
      .max(LIMITS.instruction, `An instruction is at most ${formatCount(LIMITS.instruction)} characters`),
  }),
);
export type Instruction = z.infer<typeof instructionSchema>;

export const corpusConnectionSchema = lazySchema(() =>
  z.object({
    corpus: refSchema,
    is_enabled: z.boolean(),
    is_default: z.boolean(),
  }),
);
export type CorpusConnection = z.infer<typeof corpusConnectionSchema>;

export const folderUrlSchema = lazySchema(() =>
  oneLineString('The folder URL')
    .trim()
    // A folder's address pasted from its title has its spaces as spaces: stored as the address
    // the browser shows, with %20.
    .overwrite((url) => url.replace(/ /g, '%20'))
    .max(LIMITS.folderUrl)
    .url('Enter a full URL, such as https://contoso.sharepoint.com/sites/hr/Shared%20Documents')
    // The host in full, of letters, digits, hyphens and dots only: a `#`, `?`, `@` or `\` before
    // “.sharepoint.com” would put the real host elsewhere (`https://a.example#.sharepoint.com/`).
    .refine((u) => /^https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.sharepoint\.com(?::443)?(?:[/?#]|$)/i.test(u), {
      message: 'Use an https:// address on a *.sharepoint.com site',
      abort: true,
    })
    .refine((u) => URL.canParse(u) && new URL(u).pathname.length > 1, {
      message:
        'Add the folder’s path after the site’s address, such as …sharepoint.com/sites/hr/Shared%20Documents',
    }),
);

export const sharepointFolderSchema = lazySchema(() =>
  z.object({
    folder_url: folderUrlSchema,
    folder_name: oneLineString('The folder name').max(300).nullable(),
    include_subfolders: z.boolean(),
  }),
);
export type SharepointFolder = z.infer<typeof sharepointFolderSchema>;

export const knowledgeSourcesSchema = lazySchema(() =>
  z.object({
    corpora: z.array(corpusConnectionSchema),
    sharepoint_folder: sharepointFolderSchema.nullable(),
  }),
);
export type KnowledgeSources = z.infer<typeof knowledgeSourcesSchema>;

export const actionConfigSchema = lazySchema(() => z.record(z.string(), z.unknown()));
export type ActionConfig = z.infer<typeof actionConfigSchema>;

export const toolActionSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    is_enabled: z.boolean(),
    config: actionConfigSchema,
  }),
);
export type ToolAction = z.infer<typeof toolActionSchema>;

export const toolRefSchema = lazySchema(() =>
  z.object({ id: z.number().int(), name: z.string(), type: z.string() }),
);

export const linkedToolSchema = lazySchema(() =>
  z.object({
    tool: toolRefSchema,
    is_enabled: z.boolean(),
    actions: z.array(toolActionSchema),
  }),
);
export type LinkedTool = z.infer<typeof linkedToolSchema>;

export const guardrailSettingSchema = lazySchema(() =>
  z.object({
    type: z.string(),
    name: z.string(),
    enabled: z.boolean(),
  }),
);
export type GuardrailSetting = z.infer<typeof guardrailSettingSchema>;

/** The whole configuration held by staging and by production. */
export const agentConfigSchema = lazySchema(() =>
  z.object({
    agent_settings: agentSettingsSchema,
    instructions: z.array(instructionSchema),
    knowledge_sources: knowledgeSourcesSchema,
    tools: z.array(linkedToolSchema),
    guardrails: z.array(guardrailSettingSchema),
  }),
);
export type AgentConfig = z.infer<typeof agentConfigSchema>;

/*
 * Read forms. The schemas above are the rules for what may be written (lengths, no control
 * characters, a *.sharepoint.com folder). What a tenant already holds may predate them, or come
 * from another client with other rules: an agent whose name has a tab in it, or is longer than
 * this console allows, must still open, so that someone can see it and put it right. Reads check
 * the shape (keys, types, enums) and nothing of the content. They also skip scanning every long
 * text for control characters, which at 100,000 lines is tens of milliseconds of each read.
 */

export const agentSettingsReadSchema = lazySchema(() =>
  agentSettingsSchema.extend({
    agent_name: z.string(),
    domain: z.string(),
    prefix_prompt: z.string(),
    sample_q1: z.string(),
    sample_q2: z.string(),
    sample_q3: z.string(),
    react_max_iteration_count: z.number().int(),
    tags: z.array(z.string()),
  }),
);

export const instructionReadSchema = lazySchema(() =>
  z.object({ id: z.number().int(), instruction: z.string() }),
);

export const sharepointFolderReadSchema = lazySchema(() =>
  z.object({
    folder_url: z.string(),
    folder_name: z.string().nullable(),
    include_subfolders: z.boolean(),
  }),
);

export const knowledgeSourcesReadSchema = lazySchema(() =>
  z.object({
    corpora: z.array(corpusConnectionSchema),
    sharepoint_folder: sharepointFolderReadSchema.nullable(),
  }),
);

export const agentConfigReadSchema = lazySchema(() =>
  z.object({
    agent_settings: agentSettingsReadSchema,
    instructions: z.array(instructionReadSchema),
    knowledge_sources: knowledgeSourcesReadSchema,
    tools: z.array(linkedToolSchema),
    guardrails: z.array(guardrailSettingSchema),
  }),
);

/** Reads and writes hold the same types; only the checks on content differ. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const readFormsMatch: Same<z.infer<typeof agentConfigReadSchema>, AgentConfig> = true;
void readFormsMatch;

export const SECTION_KEYS = [
  'agent_settings',
  'instructions',
  'knowledge_sources',
  'tools',
  'guardrails',
] as const;
export const sectionKeySchema = lazySchema(() => z.enum(SECTION_KEYS));
export type SectionKey = z.infer<typeof sectionKeySchema>;
export const SECTION_TITLES: Record<SectionKey, string> = {
  agent_settings: 'Agent settings',
  instructions: 'Instructions',
  knowledge_sources: 'Knowledge sources',
  tools: 'Tools',
  guardrails: 'Guardrails',
};

export const rolledBackToSchema = lazySchema(() =>
  z.object({
    change_track_id: z.number().int(),
    version: z.number().int(),
    by: z.string(),
    on: timestampSchema,
  }),
);
export type RolledBackTo = z.infer<typeof rolledBackToSchema>;

export const ENVIRONMENTS = ['staging', 'production'] as const;
export const environmentSchema = lazySchema(() => z.enum(ENVIRONMENTS));
export type Environment = z.infer<typeof environmentSchema>;

/**
 * `GET /agents/{id}`: flat like Ejento's agent objects — the agent_settings fields at the top
 * level, then the other sections, then the staging bookkeeping.
 */
export const agentDetailWireSchema = lazySchema(() =>
  agentSettingsReadSchema.extend({
    id: z.number().int(),
    project: refSchema,
    environment: environmentSchema,
    instructions: z.array(instructionReadSchema),
    knowledge_sources: knowledgeSourcesReadSchema,
    tools: z.array(linkedToolSchema),
    guardrails: z.array(guardrailSettingSchema),
    has_unpublished_changes: z.boolean(),
    staging_revision: z.number().int(),
    live_version: z.number().int().nullable(),
    last_published_on: timestampSchema.nullable(),
    staging_rolled_back_to: rolledBackToSchema.nullable(),
    created_by: z.string(),
    created_on: timestampSchema,
    modified_by: z.string(),
    modified_on: timestampSchema,
  }),
);
export type AgentDetailWire = z.infer<typeof agentDetailWireSchema>;

export const agentSummaryWireSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    agent_name: z.string(),
    domain: z.string(),
    project: refSchema,
    access: accessSchema,
    tags: z.array(z.string()),
    has_unpublished_changes: z.boolean(),
    last_published_on: timestampSchema.nullable(),
    live_version: z.number().int().nullable(),
    modified_by: z.string(),
    modified_on: timestampSchema,
  }),
);
export type AgentSummaryWire = z.infer<typeof agentSummaryWireSchema>;

export const agentListWireSchema = lazySchema(() =>
  paginationSchema.extend({
    agents: z.array(agentSummaryWireSchema),
  }),
);
export type AgentListWire = z.infer<typeof agentListWireSchema>;

const booleanQuery = lazySchema(() =>
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
);

export const agentListQuerySchema = lazySchema(() =>
  z.object({
    page: pageParamSchema,
    items_per_page: itemsPerPageParamSchema,
    project_id: idParamSchema.optional(),
    q: searchParamSchema(LIMITS.search).optional(),
    has_unpublished_changes: booleanQuery.optional(),
  }),
);
export type AgentListQuery = z.infer<typeof agentListQuerySchema>;

export const agentQuerySchema = lazySchema(() =>
  z.object({
    environment: environmentSchema.default('staging'),
  }),
);
