import type { ActionConfig, Permission } from '../../contract';
import type { Db } from '../db/database';

/** The sandbox organisation: a regional health provider with clinical, member and staff teams. */
export const ORGANISATION = 'Northwind Health';

export const DEMO_PASSWORD = 'sandbox';

export interface DemoUser {
  email: string;
  first_name: string;
  last_name: string;
  is_staff: boolean;
  is_superuser: boolean;
  permissions: Permission[];
  role: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@example.com',
    first_name: 'Amara',
    last_name: 'Okafor',
    is_staff: true,
    is_superuser: true,
    permissions: ['view', 'edit', 'publish', 'rollback'],
    role: 'admin: view, edit, publish, roll back',
  },
  {
    email: 'reviewer@example.com',
    first_name: 'Daniel',
    last_name: 'Reyes',
    is_staff: false,
    is_superuser: false,
    permissions: ['view', 'publish'],
    role: 'reviewer: view, publish',
  },
  {
    email: 'editor@example.com',
    first_name: 'Priya',
    last_name: 'Natarajan',
    is_staff: false,
    is_superuser: false,
    permissions: ['view', 'edit'],
    role: 'editor: view, edit',
  },
  {
    email: 'editor2@example.com',
    first_name: 'Tomás',
    last_name: 'Lindqvist',
    is_staff: false,
    is_superuser: false,
    permissions: ['view', 'edit'],
    role: 'editor: view, edit',
  },
  {
    email: 'viewer@example.com',
    first_name: 'Grace',
    last_name: 'Whitfield',
    is_staff: false,
    is_superuser: false,
    permissions: ['view'],
    role: 'viewer: view only',
  },
];

export const TEAMS = [
  { id: 1, name: 'Clinical Operations' },
  { id: 2, name: 'Member Services' },
  { id: 3, name: 'People & Workplace' },
];

export const PROJECTS = [
  { id: 101, name: 'Care Navigation', team_id: 1 },
  { id: 102, name: 'Member Support', team_id: 2 },
  { id: 103, name: 'Employee Experience', team_id: 3 },
  { id: 104, name: 'Revenue Cycle', team_id: 2 },
];

export const CORPORA = [
  {
    id: 1213,
    name: 'Benefits guide 2026',
    description: 'Plan summaries, deductibles, copays and enrolment rules for all employee plans.',
    document_count: 84,
  },
  {
    id: 1214,
    name: 'Clinical protocols',
    description: 'Approved nursing and triage protocols, reviewed quarterly by the clinical board.',
    document_count: 312,
  },
  {
    id: 1215,
    name: 'Pharmacy formulary',
    description: 'Covered medications by tier, step-therapy rules and generic substitutions.',
    document_count: 1480,
  },
  {
    id: 1216,
    name: 'Claims processing manual',
    description: 'Adjudication rules, denial codes and appeal timelines for member claims.',
    document_count: 156,
  },
  {
    id: 1217,
    name: 'Provider directory',
    description: 'In-network physicians, clinics and facilities with specialties and locations.',
    document_count: 5230,
  },
  {
    id: 1218,
    name: 'IT service catalogue',
    description: 'Supported software, hardware requests, access procedures and service levels.',
    document_count: 97,
  },
  {
    id: 1219,
    name: 'Security & privacy handbook',
    description: 'HIPAA safeguards, data classification and incident reporting procedures.',
    document_count: 41,
  },
  {
    id: 1220,
    name: 'Member FAQ',
    description: 'Answers to the questions members ask most, approved by Member Services.',
    document_count: 230,
  },
  {
    id: 1221,
    name: 'Billing codes reference',
    description: 'CPT, HCPCS and ICD-10 code guidance used by the billing office.',
    document_count: 2210,
  },
  {
    id: 1222,
    name: 'New hire onboarding',
    description: 'First-week checklists, equipment, training paths and key contacts.',
    document_count: 38,
  },
  {
    id: 1223,
    name: 'Travel & expense policy',
    description: 'Booking rules, per-diem rates, receipts and reimbursement timelines.',
    document_count: 12,
  },
  {
    id: 1224,
    name: 'Facilities guide',
    description: 'Building access, room booking, maintenance requests and parking.',
    document_count: 27,
  },
  {
    id: 1225,
    name: 'Compliance training',
    description: 'Annual compliance modules, attestations and policy acknowledgements.',
    document_count: 64,
  },
  {
    id: 1226,
    name: 'Prior authorization rules',
    description: 'Services that need prior authorization, criteria and turnaround times.',
    document_count: 189,
  },
  {
    id: 1227,
    name: 'HR policies',
    description: 'Leave, conduct, remote work, performance and grievance policies.',
    document_count: 73,
  },
];

export interface CatalogueTool {
  id: number;
  name: string;
  type: string;
  description: string;
  actions: { id: number; name: string; description: string; default_config: ActionConfig }[];
}

export const ORG_TOOLS: CatalogueTool[] = [
  {
    id: 5,
    name: 'Jira',
    type: 'jira',
    description: 'Create and search issues in Northwind Jira Cloud.',
    actions: [
      {
        id: 9,
        name: 'Create issue',
        description: 'Opens an issue in a project.',
        default_config: { project_key: 'HELP', issue_type: 'Task', priority: 'Medium', labels: ['ejento'] },
      },
      {
        id: 10,
        name: 'Search issues',
        description: 'Runs a JQL search.',
        default_config: { max_results: 10, jql_prefix: 'project = HELP' },
      },
      {
        id: 11,
        name: 'Add comment',
        description: 'Comments on an existing issue.',
        default_config: { visibility: 'internal' },
      },
    ],
  },
  {
    id: 6,
    name: 'ServiceNow',
    type: 'servicenow',
    description: 'IT service management: incidents and requests.',
    actions: [
      {
        id: 12,
        name: 'Create incident',
        description: 'Logs an incident for the service desk.',
        default_config: { assignment_group: 'Service Desk', urgency: 3, impact: 3 },
      },
      {
        id: 13,
        name: 'Look up ticket',
        description: 'Returns the status of an incident or request.',
        default_config: { include_work_notes: false },
      },
    ],
  },
  {
    id: 7,
    name: 'Epic FHIR',
    type: 'fhir',
    description: 'Read-only access to scheduling and coverage through FHIR R4.',
    actions: [
      {
        id: 14,
        name: 'Find appointments',
        description: 'Searches open appointment slots.',
        default_config: { days_ahead: 14, departments: ['Primary Care'], max_slots: 5 },
      },
      {
        id: 15,
        name: 'Check coverage',
        description: 'Reads a member’s active coverage.',
        default_config: { include_inactive: false },
      },
      {
        id: 16,
        name: 'Look up practitioner',
        description: 'Finds a practitioner by name or specialty.',
        default_config: { in_network_only: true },
      },
    ],
  },
  {
    id: 8,
    name: 'Microsoft 365',
    type: 'msgraph',
    description: 'Mail, calendar and people search through Microsoft Graph.',
    actions: [
      {
        id: 17,
        name: 'Send email',
        description: 'Sends mail from the shared mailbox.',
        default_config: { from: 'assistant@northwindhealth.example', require_confirmation: true },
      },
      {
        id: 18,
        name: 'Create calendar event',
        description: 'Books a meeting on a calendar.',
        default_config: { default_duration_minutes: 30, online_meeting: true },
      },
      {
        id: 19,
        name: 'Search people',
        description: 'Looks up colleagues in the directory.',
        default_config: { max_results: 5 },
      },
      {
        id: 20,
        name: 'Book a room',
        description: 'Reserves a meeting room.',
        default_config: { buildings: ['Harbor Point', 'Elm Street'], min_capacity: 4 },
      },
    ],
  },
  {
    id: 9,
    name: 'Salesforce Health Cloud',
    type: 'salesforce',
    description: 'Member records and service cases.',
    actions: [
      {
        id: 21,
        name: 'Look up member',
        description: 'Finds a member by ID, name and date of birth.',
        default_config: { require_two_identifiers: true },
      },
      {
        id: 22,
        name: 'Log case',
        description: 'Opens a service case for a member.',
        default_config: { queue: 'Member Services Tier 1', priority: 'Normal' },
      },
    ],
  },
  {
    id: 10,
    name: 'Web search',
    type: 'bing',
    description: 'Searches the public web with safe search on.',
    actions: [
      {
        id: 23,
        name: 'Search the web',
        description: 'Returns the top results for a query.',
        default_config: {
          safe_search: 'strict',
          max_results: 5,
          allowed_domains: ['cdc.gov', 'cms.gov', 'medlineplus.gov'],
        },
      },
      {
        id: 24,
        name: 'Fetch page',
        description: 'Reads one page from an allowed domain.',
        default_config: { max_characters: 20000 },
      },
    ],
  },
];

export const AGENT_TYPES = [
  { id: 1, name: 'Conversational' },
  { id: 2, name: 'Retrieval (RAG)' },
  { id: 3, name: 'Workflow' },
  { id: 4, name: 'Voice' },
];

export const LLM_CONFIGS = [
  { id: 1, model_name: 'gpt-4o', provider: 'Azure OpenAI' },
  { id: 2, model_name: 'gpt-4.1-mini', provider: 'OpenAI' },
  { id: 3, model_name: 'claude-sonnet-4', provider: 'Anthropic' },
  { id: 4, model_name: 'claude-3-5-haiku', provider: 'Anthropic' },
  { id: 5, model_name: 'gemini-2.5-pro', provider: 'Google Vertex AI' },
];

export const GUARDRAIL_TYPES = [
  {
    type: 'pii',
    name: 'PII redaction',
    description:
      'Masks names, member IDs, phone numbers and other personal data before they reach the model.',
    default_enabled: true,
  },
  {
    type: 'toxicity',
    name: 'Toxicity filter',
    description: 'Blocks abusive, hateful or harassing language in questions and answers.',
    default_enabled: false,
  },
  {
    type: 'prompt_injection',
    name: 'Prompt injection shield',
    description: 'Detects instructions hidden in user input or retrieved documents.',
    default_enabled: true,
  },
  {
    type: 'topic_restriction',
    name: 'Topic restriction',
    description: 'Keeps the conversation to the agent’s configured domain.',
    default_enabled: false,
  },
  {
    type: 'jailbreak',
    name: 'Jailbreak detection',
    description: 'Refuses attempts to make the agent ignore its instructions.',
    default_enabled: false,
  },
  {
    type: 'hallucination_check',
    name: 'Hallucination check',
    description: 'Flags answers that are not supported by the connected knowledge sources.',
    default_enabled: false,
  },
];

/** Users and the organisation catalogue: what every sandbox needs, demo agents or not. */
export function seedCatalogue(db: Db): void {
  db.transaction(() => {
    const user = db.prepare(
      `INSERT INTO users (email, first_name, last_name, password, is_staff, is_superuser, permissions)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const u of DEMO_USERS) {
      user.run(
        u.email,
        u.first_name,
        u.last_name,
        DEMO_PASSWORD,
        u.is_staff ? 1 : 0,
        u.is_superuser ? 1 : 0,
        u.permissions.join(','),
      );
    }
    const team = db.prepare('INSERT INTO teams (id, name) VALUES (?, ?)');
    for (const t of TEAMS) team.run(t.id, t.name);
    const project = db.prepare('INSERT INTO projects (id, name, team_id) VALUES (?, ?, ?)');
    for (const p of PROJECTS) project.run(p.id, p.name, p.team_id);
    const corpus = db.prepare(
      'INSERT INTO corpora (id, name, description, document_count) VALUES (?, ?, ?, ?)',
    );
    for (const c of CORPORA) corpus.run(c.id, c.name, c.description, c.document_count);
    const tool = db.prepare('INSERT INTO org_tools (id, name, type, description) VALUES (?, ?, ?, ?)');
    const action = db.prepare(
      'INSERT INTO org_tool_actions (id, tool_id, name, description, default_config) VALUES (?, ?, ?, ?, ?)',
    );
    for (const t of ORG_TOOLS) {
      tool.run(t.id, t.name, t.type, t.description);
      for (const a of t.actions)
        action.run(a.id, t.id, a.name, a.description, JSON.stringify(a.default_config));
    }
    const agentType = db.prepare('INSERT INTO agent_types (id, name) VALUES (?, ?)');
    for (const t of AGENT_TYPES) agentType.run(t.id, t.name);
    const llm = db.prepare('INSERT INTO llm_configs (id, model_name, provider) VALUES (?, ?, ?)');
    for (const l of LLM_CONFIGS) llm.run(l.id, l.model_name, l.provider);
    const guardrail = db.prepare(
      'INSERT INTO guardrail_types (type, name, description, position, default_enabled) VALUES (?, ?, ?, ?, ?)',
    );
    GUARDRAIL_TYPES.forEach((g, i) =>
      guardrail.run(g.type, g.name, g.description, i, g.default_enabled ? 1 : 0),
    );
  })();
}
