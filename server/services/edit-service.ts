import {
  LIMITS,
  folderNameSchema,
  type Access,
  type AgentConfig,
  type AgentSettings,
  type AgentSettingsUpdate,
  type CorpusConnection,
  type CorpusConnectionUpdate,
  type Instruction,
  type LinkedTool,
  type SharepointFolderInput,
  type ActionConfig,
} from '../../contract';
import { lazySchema } from '../../contract/lazy';
import { changedPaths, diffConfigs } from '../domain/diff';
import { configFingerprint } from '../domain/config-fingerprint';
import { addTags, removeTags } from '../domain/tags';
import { ApiError, conflict, notFound, validationError } from '../http/api-error';
import type { AgentRecord } from '../repositories/agents';
import type { UserRecord } from '../repositories/users';
import {
  nowTimestamp,
  parseConfig,
  rememberStaging,
  requireAgent,
  requireConfigs,
  stagingConfig,
  type ServiceContext,
} from './context';

export interface Revision {
  staging_revision: number;
  has_unpublished_changes: boolean;
}

/** A stale `If-Match` fails with what the edited part holds now, so the editor can merge. */
export function checkIfMatch(agent: AgentRecord, ifMatch: number | undefined, current: () => unknown): void {
  if (ifMatch === undefined || ifMatch === agent.staging_revision) return;
  throw new ApiError(
    412,
    'PRECONDITION_FAILED',
    `Staging changed since you loaded it (now revision ${agent.staging_revision}, by ${agent.modified_by})`,
    {
      current_revision: agent.staging_revision,
      modified_by: agent.modified_by,
      modified_on: agent.modified_on,
      current: current(),
    },
  );
}

const folderNameFromUrlSchema = lazySchema(() => folderNameSchema('The folder name taken from the URL'));

/**
 * The folder's name when none is given: the URL's last part, decoded. It is held to the rules of
 * a name sent as such (one line, no invisible characters, at most 300), and when it breaks one
 * the request is refused on `folder_name`, which the sender can then give.
 */
const folderNameFromUrl = (url: string): string | null => {
  const last = url.replace(/\/+$/, '').split('/').pop();
  if (last === undefined || last === '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    decoded = last;
  }
  const checked = folderNameFromUrlSchema.safeParse(decoded);
  if (checked.success) return checked.data === '' ? null : checked.data;
  throw validationError([
    {
      field: 'folder_name',
      message: `${checked.error.issues[0]?.message ?? 'The folder name taken from the URL is not valid'}. Give the folder a name.`,
    },
  ]);
};

export function createEditService(ctx: ServiceContext) {
  const { agents, catalog, fieldEdits, sequences } = ctx.repos;

  /**
   * Every staging edit goes through here, in one transaction: If-Match, the change on a copy,
   * and — only when something really changed — the write, the revision bump and attribution.
   */
  function edit<R>(
    agentId: number,
    actor: UserRecord,
    ifMatch: number | undefined,
    part: (config: AgentConfig) => unknown,
    mutate: (draft: AgentConfig) => R,
  ): { value: R; config: AgentConfig; revision: Revision } {
    return ctx.db
      .transaction(() => {
        const agent = requireAgent(ctx, agentId);
        const before = stagingConfig(ctx, agent);
        checkIfMatch(agent, ifMatch, () => part(before));
        const draft = parseConfig(requireConfigs(ctx, agentId).staging);
        const value = mutate(draft);
        const print = configFingerprint(draft);
        if (print === agent.staging_fingerprint) {
          return {
            value,
            config: before,
            revision: {
              staging_revision: agent.staging_revision,
              has_unpublished_changes: agent.has_unpublished_changes,
            },
          };
        }
        const on = nowTimestamp(ctx.config.clock);
        const settings = draft.agent_settings;
        const revision = agent.staging_revision + 1;
        agents.writeStaging({
          id: agentId,
          config: JSON.stringify(draft),
          fingerprint: print,
          revision,
          agent_name: settings.agent_name,
          domain: settings.domain,
          access: settings.access,
          tags: settings.tags,
          modified_by: actor.email,
          modified_on: on,
        });
        fieldEdits.record(agentId, changedPaths(diffConfigs(before, draft)), actor.email, on);
        // Edited back to what production holds: no reverted version waits to go live any more
        // (as after a revert to the live version), and the next publish is not a rollback.
        if (print === agent.production_fingerprint && agent.staging_rolled_back_to) {
          agents.setRolledBack(agentId, null);
        }
        rememberStaging(ctx, agentId, revision, draft);
        return {
          value,
          config: draft,
          revision: {
            staging_revision: revision,
            has_unpublished_changes: print !== agent.production_fingerprint,
          },
        };
      })
      .immediate();
  }

  function resolveRefs(update: Partial<Pick<AgentSettings, 'agent_type' | 'llm_config'>>) {
    const resolved: Partial<Pick<AgentSettings, 'agent_type' | 'llm_config'>> = {};
    if (update.agent_type !== undefined) {
      if (update.agent_type === null) resolved.agent_type = null;
      else {
        const type = catalog.agentType(update.agent_type.id);
        if (!type)
          throw validationError([
            { field: 'agent_type', message: `No agent type with id ${update.agent_type.id}` },
          ]);
        resolved.agent_type = type;
      }
    }
    if (update.llm_config !== undefined) {
      if (update.llm_config === null) resolved.llm_config = null;
      else {
        const llm = catalog.llmConfig(update.llm_config.id);
        if (!llm)
          throw validationError([
            { field: 'llm_config', message: `No model configuration with id ${update.llm_config.id}` },
          ]);
        resolved.llm_config = { id: llm.id, model_name: llm.model_name };
      }
    }
    return resolved;
  }

  const knowledge = (c: AgentConfig) => c.knowledge_sources;

  function corpusRef(id: number, field: string | null) {
    const corpus = catalog.corpus(id);
    if (!corpus) {
      if (field === null) throw notFound(`No knowledge source with id ${id}`);
      throw validationError([{ field, message: `No knowledge source with id ${id}` }]);
    }
    return { id: corpus.id, name: corpus.name };
  }

  function connect(draft: AgentConfig, ids: number[]) {
    const corpora = draft.knowledge_sources.corpora;
    for (const id of ids) {
      const existing = corpora.find((c) => c.corpus.id === id);
      if (existing) existing.is_enabled = true;
      else corpora.push({ corpus: corpusRef(id, 'corpus_ids'), is_enabled: true, is_default: false });
    }
    ensureDefault(corpora);
  }

  function ensureDefault(corpora: CorpusConnection[]) {
    if (corpora.some((c) => c.is_default)) return;
    const first = corpora.find((c) => c.is_enabled);
    if (first) first.is_default = true;
  }

  function disconnect(draft: AgentConfig, ids: number[]) {
    const remove = new Set(ids);
    const corpora = draft.knowledge_sources.corpora;
    const kept = corpora.filter((c) => !remove.has(c.corpus.id));
    const removedDefault = corpora.some((c) => c.is_default && remove.has(c.corpus.id));
    draft.knowledge_sources.corpora = kept;
    if (removedDefault) ensureDefault(kept);
  }

  function linkedTool(draft: AgentConfig, toolId: number): LinkedTool {
    const tool = draft.tools.find((t) => t.tool.id === toolId);
    if (!tool) throw notFound(`Tool ${toolId} is not linked to this agent`);
    return tool;
  }

  function linkedAction(draft: AgentConfig, toolId: number, actionId: number) {
    const action = linkedTool(draft, toolId).actions.find((a) => a.id === actionId);
    if (!action) throw notFound(`Tool ${toolId} has no action ${actionId} on this agent`);
    return action;
  }

  const tools = (c: AgentConfig) => c.tools;

  return {
    updateSettings(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      update: AgentSettingsUpdate,
    ) {
      const refs = resolveRefs(update);
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.agent_settings,
        (draft) => {
          draft.agent_settings = { ...draft.agent_settings, ...update, ...refs };
        },
      );
      return { ...result.config.agent_settings, ...result.revision };
    },

    addInstruction(agentId: number, actor: UserRecord, ifMatch: number | undefined, text: string) {
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.instructions,
        (draft): Instruction => {
          if (draft.instructions.length >= LIMITS.instructions) {
            throw validationError([
              { field: 'instruction', message: `An agent has at most ${LIMITS.instructions} instructions` },
            ]);
          }
          const added = { id: sequences.next('instruction', 1000), instruction: text };
          draft.instructions.push(added);
          return added;
        },
      );
      return { ...result.value, ...result.revision };
    },

    replaceInstructions(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      list: Instruction[],
    ) {
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.instructions,
        (draft) => {
          const known = new Set(draft.instructions.map((i) => i.id));
          const unknown = list.filter((i) => !known.has(i.id));
          if (unknown.length > 0) {
            throw validationError(
              unknown.map((i) => ({
                field: `instructions.${list.indexOf(i)}.id`,
                message: `No instruction with id ${i.id} on this agent: add new instructions with POST`,
              })),
            );
          }
          // This edit changes text and order; it removes nothing. A list that leaves an
          // instruction out is refused rather than taken as a delete the sender may not mean
          // (an old copy of the list, one instruction sent alone).
          const listed = new Set(list.map((i) => i.id));
          const missing = draft.instructions.filter((i) => !listed.has(i.id));
          if (missing.length > 0) {
            throw validationError([
              {
                field: 'instructions',
                message: `The list leaves out ${missing.length === 1 ? 'instruction' : 'instructions'} ${missing
                  .map((i) => i.id)
                  .join(', ')}: send every instruction, and remove instructions with DELETE`,
              },
            ]);
          }
          draft.instructions = list.map((i) => ({ id: i.id, instruction: i.instruction }));
        },
      );
      return { instructions: result.config.instructions, ...result.revision };
    },

    deleteInstruction(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      instructionId: number,
    ) {
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.instructions,
        (draft) => {
          const index = draft.instructions.findIndex((i) => i.id === instructionId);
          if (index < 0) throw notFound(`No instruction with id ${instructionId} on this agent`);
          draft.instructions.splice(index, 1);
        },
      );
      return { instructions: result.config.instructions, ...result.revision };
    },

    connectCorpora(agentId: number, actor: UserRecord, ifMatch: number | undefined, ids: number[]) {
      const result = edit(agentId, actor, ifMatch, knowledge, (draft) => connect(draft, ids));
      return { knowledge_sources: result.config.knowledge_sources, ...result.revision };
    },

    disconnectCorpora(agentId: number, actor: UserRecord, ifMatch: number | undefined, ids: number[]) {
      const result = edit(agentId, actor, ifMatch, knowledge, (draft) => disconnect(draft, ids));
      return { knowledge_sources: result.config.knowledge_sources, ...result.revision };
    },

    connectCorpus(agentId: number, actor: UserRecord, ifMatch: number | undefined, corpusId: number) {
      corpusRef(corpusId, null);
      const result = edit(agentId, actor, ifMatch, knowledge, (draft) => connect(draft, [corpusId]));
      return { knowledge_sources: result.config.knowledge_sources, ...result.revision };
    },

    updateCorpus(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      corpusId: number,
      update: CorpusConnectionUpdate,
    ) {
      const result = edit(agentId, actor, ifMatch, knowledge, (draft) => {
        const corpora = draft.knowledge_sources.corpora;
        const target = corpora.find((c) => c.corpus.id === corpusId);
        if (!target) throw notFound(`Knowledge source ${corpusId} is not connected to this agent`);
        if (update.is_enabled !== undefined) target.is_enabled = update.is_enabled;
        if (update.is_default === true) for (const c of corpora) c.is_default = c === target;
        if (update.is_default === false) target.is_default = false;
      });
      return { knowledge_sources: result.config.knowledge_sources, ...result.revision };
    },

    disconnectCorpus(agentId: number, actor: UserRecord, ifMatch: number | undefined, corpusId: number) {
      const result = edit(agentId, actor, ifMatch, knowledge, (draft) => {
        if (!draft.knowledge_sources.corpora.some((c) => c.corpus.id === corpusId)) {
          throw notFound(`Knowledge source ${corpusId} is not connected to this agent`);
        }
        disconnect(draft, [corpusId]);
      });
      return { knowledge_sources: result.config.knowledge_sources, ...result.revision };
    },

    enableTool(agentId: number, actor: UserRecord, ifMatch: number | undefined, toolId: number) {
      const orgTool = catalog.tool(toolId);
      if (!orgTool) throw notFound(`No tool with id ${toolId} in this organisation`);
      const result = edit(agentId, actor, ifMatch, tools, (draft) => {
        const linked = draft.tools.find((t) => t.tool.id === toolId);
        if (linked) {
          linked.is_enabled = true;
          return;
        }
        draft.tools.push({
          tool: { id: orgTool.id, name: orgTool.name, type: orgTool.type },
          is_enabled: true,
          actions: orgTool.actions.map((a) => ({
            id: a.id,
            name: a.name,
            is_enabled: true,
            config: a.default_config,
          })),
        });
        draft.tools.sort((a, b) => a.tool.id - b.tool.id);
      });
      return { tools: result.config.tools, ...result.revision };
    },

    disableTool(agentId: number, actor: UserRecord, ifMatch: number | undefined, toolId: number) {
      const result = edit(agentId, actor, ifMatch, tools, (draft) => {
        linkedTool(draft, toolId).is_enabled = false;
      });
      return { tools: result.config.tools, ...result.revision };
    },

    setActionConfig(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      toolId: number,
      actionId: number,
      config: ActionConfig,
    ) {
      const result = edit(agentId, actor, ifMatch, tools, (draft) => {
        linkedAction(draft, toolId, actionId).config = config;
      });
      return { tools: result.config.tools, ...result.revision };
    },

    setActionEnabled(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      toolId: number,
      actionId: number,
      enabled: boolean,
    ) {
      const result = edit(agentId, actor, ifMatch, tools, (draft) => {
        linkedAction(draft, toolId, actionId).is_enabled = enabled;
      });
      return { tools: result.config.tools, ...result.revision };
    },

    toggleGuardrail(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      type: string,
      enabled: boolean,
    ) {
      const known = catalog.guardrailTypes();
      const guardrailType = known.find((g) => g.type === type);
      if (!guardrailType) {
        throw validationError([
          {
            field: 'guardrail_type',
            message: `Unknown guardrail type; expected one of ${known.map((g) => g.type).join(', ')}`,
          },
        ]);
      }
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.guardrails,
        (draft) => {
          const setting = draft.guardrails.find((g) => g.type === type);
          if (setting) setting.enabled = enabled;
          else {
            // A configuration from before this type existed: list it in catalogue order.
            draft.guardrails.push({ type, name: guardrailType.name, enabled });
            const order = new Map(known.map((g, i) => [g.type, i]));
            draft.guardrails.sort((a, b) => (order.get(a.type) ?? 1e9) - (order.get(b.type) ?? 1e9));
          }
        },
      );
      return { guardrails: result.config.guardrails, ...result.revision };
    },

    setAccess(agentId: number, actor: UserRecord, ifMatch: number | undefined, access: Access) {
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.agent_settings.access,
        (draft) => {
          draft.agent_settings.access = access;
        },
      );
      return { access: result.config.agent_settings.access, ...result.revision };
    },

    annotate(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      add: string[],
      remove: string[],
    ) {
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.agent_settings.tags,
        (draft) => {
          const tags = addTags(removeTags(draft.agent_settings.tags, remove), add);
          if (tags.length > LIMITS.tags) {
            throw validationError([{ field: 'add', message: `An agent has at most ${LIMITS.tags} tags` }]);
          }
          draft.agent_settings.tags = tags;
        },
      );
      return { tags: result.config.agent_settings.tags, ...result.revision };
    },

    connectSharepoint(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      input: SharepointFolderInput,
    ) {
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.knowledge_sources.sharepoint_folder,
        (draft) => {
          if (draft.knowledge_sources.sharepoint_folder) {
            throw conflict('A SharePoint folder is already connected: change it with PUT or remove it first');
          }
          draft.knowledge_sources.sharepoint_folder = {
            folder_url: input.folder_url,
            folder_name: input.folder_name ?? folderNameFromUrl(input.folder_url),
            include_subfolders: input.include_subfolders ?? true,
          };
        },
      );
      return { sharepoint_folder: result.config.knowledge_sources.sharepoint_folder, ...result.revision };
    },

    updateSharepoint(
      agentId: number,
      actor: UserRecord,
      ifMatch: number | undefined,
      input: SharepointFolderInput,
    ) {
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.knowledge_sources.sharepoint_folder,
        (draft) => {
          const current = draft.knowledge_sources.sharepoint_folder;
          if (!current) throw notFound('No SharePoint folder is connected to this agent');
          draft.knowledge_sources.sharepoint_folder = {
            folder_url: input.folder_url,
            folder_name:
              input.folder_name !== undefined
                ? input.folder_name
                : input.folder_url === current.folder_url
                  ? current.folder_name
                  : folderNameFromUrl(input.folder_url),
            include_subfolders: input.include_subfolders ?? current.include_subfolders,
          };
        },
      );
      return { sharepoint_folder: result.config.knowledge_sources.sharepoint_folder, ...result.revision };
    },

    removeSharepoint(agentId: number, actor: UserRecord, ifMatch: number | undefined) {
      const result = edit(
        agentId,
        actor,
        ifMatch,
        (c) => c.knowledge_sources.sharepoint_folder,
        (draft) => {
          if (!draft.knowledge_sources.sharepoint_folder)
            throw notFound('No SharePoint folder is connected to this agent');
          draft.knowledge_sources.sharepoint_folder = null;
        },
      );
      return { sharepoint_folder: result.config.knowledge_sources.sharepoint_folder, ...result.revision };
    },
  };
}
export type EditService = ReturnType<typeof createEditService>;
