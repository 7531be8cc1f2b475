import type { AgentConfig } from '@contract';
import type { EditOp, EditResult } from '@/api/agents/edits';
import type { SectionModel } from './section-model';

/**
 * Test support: what the sandbox does with each edit, on a configuration in memory, so a
 * section's plan can be run to the end and its outcome checked.
 */
export function applyOnStaging(
  config: AgentConfig,
  op: EditOp,
  nextId = 900,
): { config: AgentConfig; createdId?: number } {
  const c = structuredClone(config);
  const ensureDefault = () => {
    const corpora = c.knowledge_sources.corpora;
    if (!corpora.some((x) => x.is_default)) {
      const first = corpora.find((x) => x.is_enabled);
      if (first) first.is_default = true;
    }
  };
  switch (op.kind) {
    case 'settings':
      Object.assign(c.agent_settings, op.body);
      break;
    case 'access':
      c.agent_settings.access = op.access;
      break;
    case 'tags': {
      const tags = c.agent_settings.tags.filter((t) => !op.remove.includes(t));
      for (const t of op.add) if (!tags.includes(t)) tags.push(t);
      c.agent_settings.tags = tags;
      break;
    }
    case 'add-instruction':
      c.instructions.push({ id: nextId, instruction: op.instruction });
      return { config: c, createdId: nextId };
    case 'replace-instructions':
      c.instructions = op.instructions;
      break;
    case 'delete-instruction':
      c.instructions = c.instructions.filter((i) => i.id !== op.instructionId);
      break;
    case 'connect-corpora':
      for (const id of op.corpusIds) {
        if (!c.knowledge_sources.corpora.some((x) => x.corpus.id === id)) {
          c.knowledge_sources.corpora.push({
            corpus: { id, name: `Corpus ${id}` },
            is_enabled: true,
            is_default: false,
          });
        }
      }
      ensureDefault();
      break;
    case 'disconnect-corpora':
      c.knowledge_sources.corpora = c.knowledge_sources.corpora.filter(
        (x) => !op.corpusIds.includes(x.corpus.id),
      );
      ensureDefault();
      break;
    case 'update-corpus': {
      const target = c.knowledge_sources.corpora.find((x) => x.corpus.id === op.corpusId)!;
      if (op.update.is_enabled !== undefined) target.is_enabled = op.update.is_enabled;
      if (op.update.is_default === true)
        for (const x of c.knowledge_sources.corpora) x.is_default = x === target;
      if (op.update.is_default === false) target.is_default = false;
      break;
    }
    case 'enable-tool':
    case 'disable-tool': {
      const tool = c.tools.find((t) => t.tool.id === op.toolId);
      if (tool) tool.is_enabled = op.kind === 'enable-tool';
      else if (op.kind === 'enable-tool') {
        c.tools.push({
          tool: { id: op.toolId, name: `Tool ${op.toolId}`, type: 'x' },
          is_enabled: true,
          actions: [],
        });
      }
      break;
    }
    case 'action-enabled':
      c.tools.find((t) => t.tool.id === op.toolId)!.actions.find((a) => a.id === op.actionId)!.is_enabled =
        op.enabled;
      break;
    case 'action-config':
      c.tools.find((t) => t.tool.id === op.toolId)!.actions.find((a) => a.id === op.actionId)!.config =
        op.config;
      break;
    case 'guardrail': {
      const g = c.guardrails.find((x) => x.type === op.guardrailType);
      if (g) g.enabled = op.enabled;
      else c.guardrails.push({ type: op.guardrailType, name: op.guardrailType, enabled: op.enabled });
      break;
    }
    case 'connect-sharepoint':
    case 'update-sharepoint':
      c.knowledge_sources.sharepoint_folder = {
        folder_url: op.folder.folder_url,
        folder_name: op.folder.folder_name ?? c.knowledge_sources.sharepoint_folder?.folder_name ?? null,
        include_subfolders:
          op.folder.include_subfolders ?? c.knowledge_sources.sharepoint_folder?.include_subfolders ?? true,
      };
      break;
    case 'remove-sharepoint':
      c.knowledge_sources.sharepoint_folder = null;
      break;
    default:
      throw new Error(`Not simulated: ${op.kind}`);
  }
  return { config: c };
}

/** Runs a section's save plan against `applyOnStaging`: the edits sent, and staging after them. */
export function runPlan<F, C>(model: SectionModel<F, C>, base: F, target: F, ctx: C, config: AgentConfig) {
  const planner = model.planner(base, target, ctx);
  const ops: EditOp[] = [];
  let current = config;
  let nextId = 900;
  for (let op = planner.next(current); op; op = planner.next(current)) {
    if (ops.length > 50) throw new Error('The plan does not end');
    ops.push(op);
    const applied = applyOnStaging(current, op, nextId);
    if (applied.createdId !== undefined) nextId++;
    current = applied.config;
    const result: EditResult = {
      revision: ops.length,
      hasUnpublishedChanges: true,
      apply: () => applied.config,
      createdId: applied.createdId,
    };
    planner.onApplied?.(op, result);
  }
  return { ops, config: current, target: planner.target() };
}
