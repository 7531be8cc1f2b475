import type { ActionConfig, AgentType, Corpus, LlmConfig, OrgTool, Project } from '../../contract';
import type { Db } from '../db/database';

export interface GuardrailTypeRecord {
  type: string;
  name: string;
  description: string;
  default_enabled: boolean;
}

interface ProjectRow {
  id: number;
  name: string;
  team_id: number;
  team_name: string;
}

interface ActionRow {
  id: number;
  tool_id: number;
  name: string;
  description: string;
  default_config: string;
}

interface GuardrailRow {
  type: string;
  name: string;
  description: string;
  default_enabled: number;
}

/** The organisation's catalogue: what pickers list and what edits may refer to. */
export function createCatalogRepository(db: Db) {
  const projectsSql = `SELECT p.id, p.name, t.id AS team_id, t.name AS team_name
    FROM projects p JOIN teams t ON t.id = p.team_id`;
  const projects = db.prepare(`${projectsSql} ORDER BY p.name, p.id`);
  const project = db.prepare(`${projectsSql} WHERE p.id = ?`);
  const corpora = db.prepare('SELECT id, name, description, document_count FROM corpora ORDER BY name, id');
  const corpus = db.prepare('SELECT id, name, description, document_count FROM corpora WHERE id = ?');
  const tools = db.prepare('SELECT id, name, type, description FROM org_tools ORDER BY name, id');
  const tool = db.prepare('SELECT id, name, type, description FROM org_tools WHERE id = ?');
  const actions = db.prepare('SELECT * FROM org_tool_actions ORDER BY tool_id, id');
  const toolActions = db.prepare('SELECT * FROM org_tool_actions WHERE tool_id = ? ORDER BY id');
  const agentTypes = db.prepare('SELECT id, name FROM agent_types ORDER BY id');
  const agentType = db.prepare('SELECT id, name FROM agent_types WHERE id = ?');
  const llmConfigs = db.prepare('SELECT id, model_name, provider FROM llm_configs ORDER BY id');
  const llmConfig = db.prepare('SELECT id, model_name, provider FROM llm_configs WHERE id = ?');
  const guardrails = db.prepare(
    'SELECT type, name, description, default_enabled FROM guardrail_types ORDER BY position, type',
  );

  const toProject = (r: ProjectRow): Project => ({
    id: r.id,
    name: r.name,
    team: { id: r.team_id, name: r.team_name },
  });
  const toAction = (r: ActionRow) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    default_config: JSON.parse(r.default_config) as ActionConfig,
  });

  return {
    projects: () => (projects.all() as ProjectRow[]).map(toProject),
    project(id: number): Project | undefined {
      const row = project.get(id) as ProjectRow | undefined;
      return row && toProject(row);
    },
    corpora: () => corpora.all() as Corpus[],
    corpus: (id: number) => corpus.get(id) as Corpus | undefined,
    tools(): OrgTool[] {
      const byTool = new Map<number, ReturnType<typeof toAction>[]>();
      for (const row of actions.all() as ActionRow[]) {
        const list = byTool.get(row.tool_id) ?? [];
        list.push(toAction(row));
        byTool.set(row.tool_id, list);
      }
      return (tools.all() as Omit<OrgTool, 'actions'>[]).map((t) => ({
        ...t,
        actions: byTool.get(t.id) ?? [],
      }));
    },
    tool(id: number): OrgTool | undefined {
      const row = tool.get(id) as Omit<OrgTool, 'actions'> | undefined;
      return row && { ...row, actions: (toolActions.all(id) as ActionRow[]).map(toAction) };
    },
    agentTypes: () => agentTypes.all() as AgentType[],
    agentType: (id: number) => agentType.get(id) as AgentType | undefined,
    llmConfigs: () => llmConfigs.all() as LlmConfig[],
    llmConfig: (id: number) => llmConfig.get(id) as LlmConfig | undefined,
    guardrailTypes: (): GuardrailTypeRecord[] =>
      (guardrails.all() as GuardrailRow[]).map((r) => ({ ...r, default_enabled: r.default_enabled === 1 })),
  };
}
export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
