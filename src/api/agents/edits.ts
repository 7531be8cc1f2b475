import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  accessEditResultSchema,
  guardrailsEditResultSchema,
  instructionAddedResultSchema,
  instructionsEditResultSchema,
  knowledgeSourcesEditResultSchema,
  settingsEditResultSchema,
  sharepointEditResultSchema,
  staleRevisionDetailsSchema,
  tagsEditResultSchema,
  toolsEditResultSchema,
  type Access,
  type ActionConfig,
  type AgentConfig,
  type AgentSettingsUpdate,
  type CorpusConnectionUpdate,
  type Instruction,
  type SharepointFolderInput,
  type StaleRevisionDetails,
} from '@contract';
import type { AgentDetail } from '../adapter';
import { isApiError, isLostAnswer } from '../api-error';
import { apiSend } from '../http';
import { agentKeys } from '../keys';
import { fetchAgent } from './fetchers';
import { agentQueries, refreshAgentQueries } from './queries';

/**
 * Edits of staging, one fetcher per endpoint of the contract's edit table. Every edit sends
 * `If-Match` with the staging revision its form was loaded from and answers with the part it
 * changed and the new revision; results are parsed with the contract's edit result schemas.
 */

const agentPath = (agentId: number) => `/api/v2/agents/${agentId}`;

export const saveSettings = (agentId: number, body: AgentSettingsUpdate, ifMatch?: number) =>
  apiSend('PUT', agentPath(agentId), settingsEditResultSchema, { body, ifMatch });

export const saveAccess = (agentId: number, access: Access, ifMatch?: number) =>
  apiSend('PUT', `${agentPath(agentId)}/access`, accessEditResultSchema, { body: { access }, ifMatch });

export const saveTags = (agentId: number, diff: { add: string[]; remove: string[] }, ifMatch?: number) =>
  apiSend('POST', `${agentPath(agentId)}/annotates`, tagsEditResultSchema, { body: diff, ifMatch });

export const addInstruction = (agentId: number, instruction: string, ifMatch?: number) =>
  apiSend('POST', `${agentPath(agentId)}/instructions`, instructionAddedResultSchema, {
    body: { instruction },
    ifMatch,
  });

export const saveInstructions = (agentId: number, instructions: Instruction[], ifMatch?: number) =>
  apiSend('PUT', `${agentPath(agentId)}/instructions`, instructionsEditResultSchema, {
    body: { instructions },
    ifMatch,
  });

export const deleteInstruction = (agentId: number, instructionId: number, ifMatch?: number) =>
  apiSend('DELETE', `${agentPath(agentId)}/instructions/${instructionId}`, instructionsEditResultSchema, {
    ifMatch,
  });

export const connectCorpora = (agentId: number, corpusIds: number[], ifMatch?: number) =>
  apiSend('POST', `${agentPath(agentId)}/corpora`, knowledgeSourcesEditResultSchema, {
    body: { corpus_ids: corpusIds },
    ifMatch,
  });

export const disconnectCorpora = (agentId: number, corpusIds: number[], ifMatch?: number) =>
  apiSend('DELETE', `${agentPath(agentId)}/corpora`, knowledgeSourcesEditResultSchema, {
    body: { corpus_ids: corpusIds },
    ifMatch,
  });

export const connectCorpus = (agentId: number, corpusId: number, ifMatch?: number) =>
  apiSend('POST', `${agentPath(agentId)}/corpora/${corpusId}`, knowledgeSourcesEditResultSchema, { ifMatch });

export const saveCorpusConnection = (
  agentId: number,
  corpusId: number,
  update: CorpusConnectionUpdate,
  ifMatch?: number,
) =>
  apiSend('PUT', `${agentPath(agentId)}/corpora/${corpusId}`, knowledgeSourcesEditResultSchema, {
    body: update,
    ifMatch,
  });

export const disconnectCorpus = (agentId: number, corpusId: number, ifMatch?: number) =>
  apiSend('DELETE', `${agentPath(agentId)}/corpora/${corpusId}`, knowledgeSourcesEditResultSchema, {
    ifMatch,
  });

export const enableTool = (agentId: number, toolId: number, ifMatch?: number) =>
  apiSend('POST', `${agentPath(agentId)}/tools/${toolId}/enable`, toolsEditResultSchema, { ifMatch });

export const disableTool = (agentId: number, toolId: number, ifMatch?: number) =>
  apiSend('DELETE', `${agentPath(agentId)}/tools/${toolId}/disable`, toolsEditResultSchema, { ifMatch });

export const saveActionConfig = (
  agentId: number,
  toolId: number,
  actionId: number,
  config: ActionConfig,
  ifMatch?: number,
) =>
  apiSend('PATCH', `${agentPath(agentId)}/tools/${toolId}/actions/${actionId}`, toolsEditResultSchema, {
    body: { config },
    ifMatch,
  });

export const saveActionEnabled = (
  agentId: number,
  toolId: number,
  actionId: number,
  enabled: boolean,
  ifMatch?: number,
) =>
  apiSend(
    'POST',
    `${agentPath(agentId)}/tools/${toolId}/actions/${actionId}/${enabled ? 'enable' : 'disable'}`,
    toolsEditResultSchema,
    { ifMatch },
  );

export const saveGuardrail = (agentId: number, guardrailType: string, enabled: boolean, ifMatch?: number) =>
  apiSend('PATCH', `${agentPath(agentId)}/guardrails`, guardrailsEditResultSchema, {
    body: { guardrail_type: guardrailType, enabled },
    ifMatch,
  });

export const connectSharepointFolder = (agentId: number, folder: SharepointFolderInput, ifMatch?: number) =>
  apiSend('POST', `${agentPath(agentId)}/sharepoint/folder`, sharepointEditResultSchema, {
    body: folder,
    ifMatch,
  });

export const saveSharepointFolder = (agentId: number, folder: SharepointFolderInput, ifMatch?: number) =>
  apiSend('PUT', `${agentPath(agentId)}/sharepoint/folder`, sharepointEditResultSchema, {
    body: folder,
    ifMatch,
  });

export const removeSharepointFolder = (agentId: number, ifMatch?: number) =>
  apiSend('DELETE', `${agentPath(agentId)}/sharepoint/folder`, sharepointEditResultSchema, { ifMatch });

/** One edit, as data: what a section's save plan is made of. */
export type EditOp =
  | { kind: 'settings'; body: AgentSettingsUpdate }
  | { kind: 'access'; access: Access }
  | { kind: 'tags'; add: string[]; remove: string[] }
  | { kind: 'add-instruction'; instruction: string; clientKey: string }
  | { kind: 'replace-instructions'; instructions: Instruction[] }
  | { kind: 'delete-instruction'; instructionId: number }
  | { kind: 'connect-corpora'; corpusIds: number[] }
  | { kind: 'disconnect-corpora'; corpusIds: number[] }
  | { kind: 'connect-corpus'; corpusId: number }
  | { kind: 'update-corpus'; corpusId: number; update: CorpusConnectionUpdate }
  | { kind: 'disconnect-corpus'; corpusId: number }
  | { kind: 'enable-tool'; toolId: number }
  | { kind: 'disable-tool'; toolId: number }
  | { kind: 'action-enabled'; toolId: number; actionId: number; enabled: boolean }
  | { kind: 'action-config'; toolId: number; actionId: number; config: ActionConfig }
  | { kind: 'guardrail'; guardrailType: string; enabled: boolean }
  | { kind: 'connect-sharepoint'; folder: SharepointFolderInput }
  | { kind: 'update-sharepoint'; folder: SharepointFolderInput }
  | { kind: 'remove-sharepoint' };

/** What an edit did: the new revision, and how to bring a configuration up to date with it. */
export interface EditResult {
  revision: number;
  hasUnpublishedChanges: boolean;
  apply: (config: AgentConfig) => AgentConfig;
  /** The id the server gave an instruction added by this edit. */
  createdId?: number;
}

const withSettings = (c: AgentConfig, s: Partial<AgentConfig['agent_settings']>): AgentConfig => ({
  ...c,
  agent_settings: { ...c.agent_settings, ...s },
});

const withKnowledge = (c: AgentConfig, k: Partial<AgentConfig['knowledge_sources']>): AgentConfig => ({
  ...c,
  knowledge_sources: { ...c.knowledge_sources, ...k },
});

/** Sends one edit to its endpoint. */
export async function applyEdit(agentId: number, op: EditOp, ifMatch?: number): Promise<EditResult> {
  const rev = (r: { staging_revision: number; has_unpublished_changes: boolean }) => ({
    revision: r.staging_revision,
    hasUnpublishedChanges: r.has_unpublished_changes,
  });
  switch (op.kind) {
    case 'settings': {
      const { staging_revision, has_unpublished_changes, ...settings } = await saveSettings(
        agentId,
        op.body,
        ifMatch,
      );
      return {
        ...rev({ staging_revision, has_unpublished_changes }),
        apply: (c) => withSettings(c, settings),
      };
    }
    case 'access': {
      const r = await saveAccess(agentId, op.access, ifMatch);
      return { ...rev(r), apply: (c) => withSettings(c, { access: r.access }) };
    }
    case 'tags': {
      const r = await saveTags(agentId, { add: op.add, remove: op.remove }, ifMatch);
      return { ...rev(r), apply: (c) => withSettings(c, { tags: r.tags }) };
    }
    case 'add-instruction': {
      const r = await addInstruction(agentId, op.instruction, ifMatch);
      const added = { id: r.id, instruction: r.instruction };
      return {
        ...rev(r),
        createdId: r.id,
        apply: (c) => ({ ...c, instructions: [...c.instructions.filter((i) => i.id !== r.id), added] }),
      };
    }
    case 'replace-instructions': {
      const r = await saveInstructions(agentId, op.instructions, ifMatch);
      return { ...rev(r), apply: (c) => ({ ...c, instructions: r.instructions }) };
    }
    case 'delete-instruction': {
      const r = await deleteInstruction(agentId, op.instructionId, ifMatch);
      return { ...rev(r), apply: (c) => ({ ...c, instructions: r.instructions }) };
    }
    case 'connect-corpora':
    case 'disconnect-corpora':
    case 'connect-corpus':
    case 'update-corpus':
    case 'disconnect-corpus': {
      const r =
        op.kind === 'connect-corpora'
          ? await connectCorpora(agentId, op.corpusIds, ifMatch)
          : op.kind === 'disconnect-corpora'
            ? await disconnectCorpora(agentId, op.corpusIds, ifMatch)
            : op.kind === 'connect-corpus'
              ? await connectCorpus(agentId, op.corpusId, ifMatch)
              : op.kind === 'disconnect-corpus'
                ? await disconnectCorpus(agentId, op.corpusId, ifMatch)
                : await saveCorpusConnection(agentId, op.corpusId, op.update, ifMatch);
      return { ...rev(r), apply: (c) => ({ ...c, knowledge_sources: r.knowledge_sources }) };
    }
    case 'enable-tool':
    case 'disable-tool':
    case 'action-enabled':
    case 'action-config': {
      const r =
        op.kind === 'enable-tool'
          ? await enableTool(agentId, op.toolId, ifMatch)
          : op.kind === 'disable-tool'
            ? await disableTool(agentId, op.toolId, ifMatch)
            : op.kind === 'action-enabled'
              ? await saveActionEnabled(agentId, op.toolId, op.actionId, op.enabled, ifMatch)
              : await saveActionConfig(agentId, op.toolId, op.actionId, op.config, ifMatch);
      return { ...rev(r), apply: (c) => ({ ...c, tools: r.tools }) };
    }
    case 'guardrail': {
      const r = await saveGuardrail(agentId, op.guardrailType, op.enabled, ifMatch);
      return { ...rev(r), apply: (c) => ({ ...c, guardrails: r.guardrails }) };
    }
    case 'connect-sharepoint':
    case 'update-sharepoint':
    case 'remove-sharepoint': {
      const r =
        op.kind === 'connect-sharepoint'
          ? await connectSharepointFolder(agentId, op.folder, ifMatch)
          : op.kind === 'update-sharepoint'
            ? await saveSharepointFolder(agentId, op.folder, ifMatch)
            : await removeSharepointFolder(agentId, ifMatch);
      return { ...rev(r), apply: (c) => withKnowledge(c, { sharepoint_folder: r.sharepoint_folder }) };
    }
  }
}

/** The detail cache brought up to date with an edit's answer, before the refetch lands. */
function patchDetail(queryClient: QueryClient, agentId: number, result: EditResult): void {
  queryClient.setQueryData<AgentDetail>(agentQueries.detail(agentId).queryKey, (old) =>
    old
      ? {
          ...old,
          config: result.apply(old.config),
          stagingRevision: result.revision,
          hasUnpublishedChanges: result.hasUnpublishedChanges,
        }
      : old,
  );
}

/** Everything about the agent (detail, staging diff, history) and the lists it appears in. */
async function refreshAgent(queryClient: QueryClient, agentId: number): Promise<void> {
  await Promise.all([
    refreshAgentQueries(queryClient, agentId),
    queryClient.invalidateQueries({ queryKey: agentKeys.lists() }),
  ]);
}

/** One mutation hook per endpoint: updates the cache, then resolves once fresh data is in. */
function useEdit<V>(agentId: number, send: (vars: V & { ifMatch?: number }) => Promise<EditResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      patchDetail(queryClient, agentId, result);
      await refreshAgent(queryClient, agentId);
    },
  });
}

const op = (agentId: number, edit: EditOp, ifMatch?: number) => applyEdit(agentId, edit, ifMatch);

export const useSaveSettings = (agentId: number) =>
  useEdit<{ body: AgentSettingsUpdate }>(agentId, (v) =>
    op(agentId, { kind: 'settings', body: v.body }, v.ifMatch),
  );
export const useSaveAccess = (agentId: number) =>
  useEdit<{ access: Access }>(agentId, (v) => op(agentId, { kind: 'access', access: v.access }, v.ifMatch));
export const useSaveTags = (agentId: number) =>
  useEdit<{ add: string[]; remove: string[] }>(agentId, (v) =>
    op(agentId, { kind: 'tags', add: v.add, remove: v.remove }, v.ifMatch),
  );
export const useAddInstruction = (agentId: number) =>
  useEdit<{ instruction: string }>(agentId, (v) =>
    op(agentId, { kind: 'add-instruction', instruction: v.instruction, clientKey: '' }, v.ifMatch),
  );
export const useSaveInstructions = (agentId: number) =>
  useEdit<{ instructions: Instruction[] }>(agentId, (v) =>
    op(agentId, { kind: 'replace-instructions', instructions: v.instructions }, v.ifMatch),
  );
export const useDeleteInstruction = (agentId: number) =>
  useEdit<{ instructionId: number }>(agentId, (v) =>
    op(agentId, { kind: 'delete-instruction', instructionId: v.instructionId }, v.ifMatch),
  );
export const useConnectCorpora = (agentId: number) =>
  useEdit<{ corpusIds: number[] }>(agentId, (v) =>
    op(agentId, { kind: 'connect-corpora', corpusIds: v.corpusIds }, v.ifMatch),
  );
export const useDisconnectCorpora = (agentId: number) =>
  useEdit<{ corpusIds: number[] }>(agentId, (v) =>
    op(agentId, { kind: 'disconnect-corpora', corpusIds: v.corpusIds }, v.ifMatch),
  );
export const useConnectCorpus = (agentId: number) =>
  useEdit<{ corpusId: number }>(agentId, (v) =>
    op(agentId, { kind: 'connect-corpus', corpusId: v.corpusId }, v.ifMatch),
  );
export const useSaveCorpusConnection = (agentId: number) =>
  useEdit<{ corpusId: number; update: CorpusConnectionUpdate }>(agentId, (v) =>
    op(agentId, { kind: 'update-corpus', corpusId: v.corpusId, update: v.update }, v.ifMatch),
  );
export const useDisconnectCorpus = (agentId: number) =>
  useEdit<{ corpusId: number }>(agentId, (v) =>
    op(agentId, { kind: 'disconnect-corpus', corpusId: v.corpusId }, v.ifMatch),
  );
export const useEnableTool = (agentId: number) =>
  useEdit<{ toolId: number }>(agentId, (v) =>
    op(agentId, { kind: 'enable-tool', toolId: v.toolId }, v.ifMatch),
  );
export const useDisableTool = (agentId: number) =>
  useEdit<{ toolId: number }>(agentId, (v) =>
    op(agentId, { kind: 'disable-tool', toolId: v.toolId }, v.ifMatch),
  );
export const useSaveActionEnabled = (agentId: number) =>
  useEdit<{ toolId: number; actionId: number; enabled: boolean }>(agentId, (v) =>
    op(
      agentId,
      { kind: 'action-enabled', toolId: v.toolId, actionId: v.actionId, enabled: v.enabled },
      v.ifMatch,
    ),
  );
export const useSaveActionConfig = (agentId: number) =>
  useEdit<{ toolId: number; actionId: number; config: ActionConfig }>(agentId, (v) =>
    op(
      agentId,
      { kind: 'action-config', toolId: v.toolId, actionId: v.actionId, config: v.config },
      v.ifMatch,
    ),
  );
export const useSaveGuardrail = (agentId: number) =>
  useEdit<{ guardrailType: string; enabled: boolean }>(agentId, (v) =>
    op(agentId, { kind: 'guardrail', guardrailType: v.guardrailType, enabled: v.enabled }, v.ifMatch),
  );
export const useConnectSharepointFolder = (agentId: number) =>
  useEdit<{ folder: SharepointFolderInput }>(agentId, (v) =>
    op(agentId, { kind: 'connect-sharepoint', folder: v.folder }, v.ifMatch),
  );
export const useSaveSharepointFolder = (agentId: number) =>
  useEdit<{ folder: SharepointFolderInput }>(agentId, (v) =>
    op(agentId, { kind: 'update-sharepoint', folder: v.folder }, v.ifMatch),
  );
export const useRemoveSharepointFolder = (agentId: number) =>
  useEdit<object>(agentId, (v) => op(agentId, { kind: 'remove-sharepoint' }, v.ifMatch));

/**
 * Decides a section's next edit from what the server holds now. Asking again after every edit
 * (rather than planning all edits up front) follows what the server really did: a connected
 * knowledge source that became the default, an added instruction's new id.
 */
export interface EditPlanner {
  next(config: AgentConfig): EditOp | null;
  onApplied?(op: EditOp, result: EditResult): void;
}

export interface RunEditsInput {
  /** The configuration the plan starts from, and the revision sent as `If-Match` first. */
  config: AgentConfig;
  revision: number;
  planner: EditPlanner;
}

export interface RunEditsOutcome {
  applied: number;
  revision: number;
  config: AgentConfig;
}

/** A save that failed part-way: what was applied before, and the edit that failed. */
export class EditRunError extends Error {
  override readonly cause: unknown;
  readonly applied: number;
  readonly revision: number;
  readonly config: AgentConfig;
  readonly failedOp: EditOp;

  constructor(init: {
    cause: unknown;
    applied: number;
    revision: number;
    config: AgentConfig;
    failedOp: EditOp;
  }) {
    super(init.cause instanceof Error ? init.cause.message : 'The save failed.');
    this.name = 'EditRunError';
    this.cause = init.cause;
    this.applied = init.applied;
    this.revision = init.revision;
    this.config = init.config;
    this.failedOp = init.failedOp;
  }
}

/** A plan that keeps asking for an edit the server does not make is stopped, not looped. */
const MAX_EDITS_PER_SAVE = 500;

export async function runEdits(
  agentId: number,
  { config, revision, planner }: RunEditsInput,
  onResult?: (result: EditResult) => void,
): Promise<RunEditsOutcome> {
  let current = config;
  let rev = revision;
  let applied = 0;
  let previous: string | null = null;
  for (let next = planner.next(current); next; next = planner.next(current)) {
    const signature = JSON.stringify(next);
    if (signature === previous || applied >= MAX_EDITS_PER_SAVE) {
      throw new EditRunError({
        cause: new Error('The server did not take this change. Reload the page and try again.'),
        applied,
        revision: rev,
        config: current,
        failedOp: next,
      });
    }
    previous = signature;
    let result: EditResult;
    try {
      result = await applyEdit(agentId, next, rev);
    } catch (cause) {
      throw new EditRunError({ cause, applied, revision: rev, config: current, failedOp: next });
    }
    applied++;
    rev = result.revision;
    current = result.apply(current);
    planner.onApplied?.(next, result);
    onResult?.(result);
  }
  return { applied, revision: rev, config: current };
}

/**
 * Saves one section: runs its plan edit by edit, each over the revision the previous one
 * returned, keeps the detail cache current as it goes, and resolves (or rejects with an
 * `EditRunError`) once the agent's queries and the lists are fresh: the header badge and the
 * Review tab then show the new state.
 */
export function useRunEdits(agentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RunEditsInput) =>
      runEdits(agentId, input, (result) => patchDetail(queryClient, agentId, result)),
    onSettled: (_result, error) =>
      // No answer from the server: refreshing now would only fail alike, after its retries, and
      // hold the save's outcome back by seconds. The queries are marked out of date instead, and
      // the editor asks once what staging holds (readStagingAfterLostAnswer).
      isLostAnswer(error instanceof EditRunError ? error.cause : error)
        ? queryClient.invalidateQueries({ queryKey: agentKeys.agent(agentId), refetchType: 'none' })
        : refreshAgent(queryClient, agentId),
  });
}

/**
 * What staging holds now, asked once after a save whose answer was lost: straight from the
 * server, without the query's retries or its "could not refresh" toast (the save says what went
 * wrong), and kept in the cache when the server answers. Null when it does not.
 */
export async function readStagingAfterLostAnswer(
  queryClient: QueryClient,
  agentId: number,
): Promise<AgentDetail | null> {
  try {
    const agent = await fetchAgent(agentId, 'staging');
    queryClient.setQueryData(agentQueries.detail(agentId).queryKey, agent);
    return agent;
  } catch {
    return null;
  }
}

/** The 412 answer to a stale `If-Match`: who changed staging since, and what the part holds now. */
export function staleRevisionOf(error: unknown): StaleRevisionDetails | null {
  const e = error instanceof EditRunError ? error.cause : error;
  if (!isApiError(e) || e.status !== 412) return null;
  const parsed = staleRevisionDetailsSchema.safeParse(e.details);
  return parsed.success ? parsed.data : null;
}
