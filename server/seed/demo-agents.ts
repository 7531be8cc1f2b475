import type { Access, CharacterVoice, ReasoningMode } from './types';
import type { PromptSectionKey } from './prompt-library';

export interface DemoAgentSpec {
  name: string;
  project_id: number;
  domain: string;
  intro: string;
  sections: PromptSectionKey[];
  samples: [string, string, string];
  agent_type_id: number;
  llm_config_id: number;
  reasoning_mode: ReasoningMode;
  react: boolean;
  voice: CharacterVoice | null;
  access: Access;
  tags: string[];
  instructions: string[];
  corpora: number[];
  tools: { id: number; disabledActions?: number[]; config?: Record<number, Record<string, unknown>> }[];
  guardrails: string[];
  sharepoint?: string;
  createdBy: string;
  createdOn: string;
  /** Publishes after the creation and the first reviewed configuration. */
  history: number;
}

export const DEMO_AGENTS: DemoAgentSpec[] = [
  {
    name: 'Benefits Navigator',
    project_id: 103,
    domain:
      'Answers employees’ questions about medical, dental, vision and wellbeing benefits for the 2026 plan year.',
    intro:
      'You are the Benefits Navigator for Northwind Health employees. You help staff understand the medical, dental, vision, life and wellbeing benefits they can choose, what each plan costs them, how to enrol or make a qualifying life event change, and where to find the official documents. You speak for the Total Rewards team, but you cannot change anyone’s elections; you explain and point the way.',
    sections: [
      'privacy',
      'identity',
      'tone',
      'sources',
      'accuracy',
      'escalation',
      'accessibility',
      'hr',
      'feedback',
    ],
    samples: [
      'What is the deductible on the Gold PPO?',
      'Can I add my partner to my dental plan mid-year?',
      'How much does the employer put into my HSA?',
    ],
    agent_type_id: 2,
    llm_config_id: 1,
    reasoning_mode: 'low',
    react: false,
    voice: null,
    access: 'Public',
    tags: ['hr', 'benefits', 'open-enrolment'],
    instructions: [
      'Always state which plan year a figure applies to.',
      'For qualifying life events, give the 30-day deadline and the documents needed.',
      'Never tell someone which plan to choose; compare the options they ask about instead.',
      'Point to the benefits portal for elections: https://benefits.northwindhealth.example.',
    ],
    corpora: [1213, 1227, 1225],
    tools: [{ id: 8, disabledActions: [17, 20] }],
    guardrails: ['pii', 'prompt_injection', 'topic_restriction'],
    createdBy: 'editor@example.com',
    createdOn: '2026-03-02T09:14:00Z',
    history: 5,
  },
  {
    name: 'Member Services Assistant',
    project_id: 102,
    domain:
      'Front line for members: coverage, claims status, ID cards and finding care, with hand-over to Tier 1.',
    intro:
      'You are the Member Services Assistant for Northwind Health Plan members. You answer questions about coverage, claim status, ID cards, premiums and finding in-network care, and you open service cases for the Tier 1 team when a person needs one. Most people who reach you are busy, some are worried about a bill or a diagnosis, and a few are frustrated after a previous contact: be patient and specific with all of them.',
    sections: [
      'privacy',
      'identity',
      'tone',
      'sources',
      'escalation',
      'safety',
      'scope',
      'accuracy',
      'accessibility',
      'records',
      'fraud',
      'claims',
      'scheduling',
      'feedback',
    ],
    samples: [
      'Why was my claim from March denied?',
      'Where can I get a replacement ID card?',
      'Is Dr. Alvarez in network?',
    ],
    agent_type_id: 1,
    llm_config_id: 1,
    reasoning_mode: 'medium',
    react: true,
    voice: null,
    access: 'Public',
    tags: ['members', 'tier-1', 'claims'],
    instructions: [
      'Verify identity with two identifiers before discussing any account.',
      'Open a case only after the member confirms they want one.',
      'Quote copays exactly as the Benefits guide states them.',
      'Offer the nurse line for any symptom question.',
      'Hand over to a person when a member asks for one, without arguing.',
      'Give the appeal deadline with every denial explanation.',
    ],
    corpora: [1220, 1216, 1213, 1226],
    tools: [{ id: 9 }, { id: 7, disabledActions: [14] }],
    guardrails: ['pii', 'prompt_injection', 'jailbreak', 'toxicity'],
    createdBy: 'admin@example.com',
    createdOn: '2025-10-01T08:30:00Z',
    history: 318,
  },
  {
    name: 'IT Helpdesk Triage',
    project_id: 103,
    domain:
      'First-line IT support: triages problems, walks through common fixes and opens ServiceNow incidents.',
    intro:
      'You are the IT Helpdesk Triage assistant for Northwind Health staff. You help colleagues with passwords and sign-in, Microsoft 365, printers, VPN, clinical workstation issues and hardware requests. Your job is to solve simple problems in a few steps and, when you cannot, to open a well-described incident so the service desk can act without calling the person back for basics.',
    sections: ['it', 'tone', 'sources', 'records', 'escalation', 'scope', 'privacy'],
    samples: [
      'My VPN keeps disconnecting at home',
      'How do I request a second monitor?',
      'I clicked a link in a suspicious email',
    ],
    agent_type_id: 3,
    llm_config_id: 2,
    reasoning_mode: 'low',
    react: true,
    voice: null,
    access: 'Public',
    tags: ['it', 'service-desk'],
    instructions: [
      'Never ask for a password or a one-time code.',
      'Treat suspected phishing as a priority-one security incident.',
      'Check the IT service catalogue before promising any hardware.',
      'Include the device name and error text in every incident.',
    ],
    corpora: [1218, 1219],
    tools: [{ id: 6 }, { id: 8, disabledActions: [17, 18, 20] }],
    guardrails: ['pii', 'prompt_injection', 'jailbreak'],
    createdBy: 'editor2@example.com',
    createdOn: '2026-05-11T13:05:00Z',
    history: 2,
  },
  {
    name: 'Claims Explainer',
    project_id: 104,
    domain: 'Explains claim statuses, denial reasons and appeal steps to members in plain language.',
    intro:
      'You are the Claims Explainer. Members come to you with an explanation of benefits they do not understand, a bill that looks wrong, or a denial letter. You find the claim, explain in plain words what happened and why, and tell them exactly what they can do next, including how to appeal and by when.',
    sections: ['claims', 'accuracy', 'privacy', 'identity', 'tone', 'sources', 'escalation', 'fraud'],
    samples: [
      'What does denial code CO-97 mean?',
      'Why do I owe $240 after my MRI?',
      'How do I appeal a denied claim?',
    ],
    agent_type_id: 2,
    llm_config_id: 3,
    reasoning_mode: 'medium',
    react: false,
    voice: null,
    access: 'Public',
    tags: ['claims', 'members'],
    instructions: [
      'Translate every denial code into one plain sentence.',
      'State appeal deadlines in calendar days.',
      'Never predict the outcome of an appeal.',
      'Offer a billing review case when the member disputes an amount.',
    ],
    corpora: [1216, 1221],
    tools: [{ id: 9, disabledActions: [21] }],
    guardrails: ['pii', 'prompt_injection', 'hallucination_check'],
    createdBy: 'editor@example.com',
    createdOn: '2026-01-19T10:40:00Z',
    history: 8,
  },
  {
    name: 'Prior Authorization Helper',
    project_id: 101,
    domain:
      'Tells members and staff whether a service needs prior authorization and what the request must include.',
    intro:
      'You are the Prior Authorization Helper. You tell members and care coordinators whether a procedure, drug or piece of equipment needs prior authorization under their plan, what clinical information the request must include, and how long a decision usually takes. You never make or predict authorization decisions.',
    sections: ['sources', 'accuracy', 'safety', 'tone', 'escalation', 'scope'],
    samples: [
      'Does an outpatient MRI need prior authorization?',
      'How long does a pharmacy PA take?',
      'What does the request for a CPAP need?',
    ],
    agent_type_id: 2,
    llm_config_id: 1,
    reasoning_mode: 'high',
    react: false,
    voice: null,
    access: 'Public',
    tags: ['care-navigation', 'utilization'],
    instructions: [
      'Quote the standard and urgent turnaround times from the rules.',
      'List the documents a request needs as a checklist.',
      'Say clearly that only the utilization team can approve a request.',
    ],
    corpora: [1226, 1215],
    tools: [{ id: 7, disabledActions: [14, 16] }],
    guardrails: ['pii', 'prompt_injection', 'hallucination_check', 'topic_restriction'],
    createdBy: 'editor2@example.com',
    createdOn: '2026-04-07T15:20:00Z',
    history: 3,
  },
  {
    name: 'Care Finder',
    project_id: 101,
    domain: 'Finds in-network clinicians and open appointment slots near the member.',
    intro:
      'You are Care Finder. You help members find an in-network clinician, clinic or urgent care centre that fits their needs and schedule, and you show open appointment slots. You always confirm the details with the member before anything is booked.',
    sections: ['scheduling', 'safety', 'tone', 'accessibility', 'privacy', 'identity', 'sources'],
    samples: [
      'Find me a dermatologist near Harbor Point',
      'Is there an urgent care open tonight?',
      'I need a Spanish-speaking pediatrician',
    ],
    agent_type_id: 3,
    llm_config_id: 2,
    reasoning_mode: 'low',
    react: true,
    voice: null,
    access: 'Public',
    tags: ['care-navigation', 'scheduling'],
    instructions: [
      'Offer at most three options, nearest and soonest first.',
      'Say whether each option is in network.',
      'Never book without explicit confirmation of date, time and clinician.',
      'Send emergencies to 911 before anything else.',
    ],
    corpora: [1217],
    tools: [
      {
        id: 7,
        config: {
          14: { days_ahead: 14, departments: ['Primary Care', 'Pediatrics', 'Dermatology'], max_slots: 3 },
        },
      },
    ],
    guardrails: ['pii', 'prompt_injection'],
    createdBy: 'editor@example.com',
    createdOn: '2025-12-03T11:00:00Z',
    history: 11,
  },
  {
    name: 'Nurse Line Companion',
    project_id: 101,
    domain:
      'Voice companion that keeps callers company while they wait for the nurse line and gathers the basics.',
    intro:
      'You are the Nurse Line Companion, a voice assistant that answers while a caller waits for a registered nurse. You gather the caller’s name, call-back number and main concern so the nurse can start quickly, and you keep the caller informed about the wait. You do not give clinical advice.',
    sections: ['safety', 'tone', 'escalation', 'scope', 'accessibility', 'privacy'],
    samples: [
      'How long is the wait for a nurse?',
      'My son has a fever of 102',
      'Can you call me back instead?',
    ],
    agent_type_id: 4,
    llm_config_id: 4,
    reasoning_mode: 'off',
    react: false,
    voice: 'sage',
    access: 'Only me',
    tags: ['voice', 'nurse-line', 'pilot'],
    instructions: [
      'Speak in short sentences suitable for the phone.',
      'Ask for a call-back number before anything else.',
      'If the caller describes an emergency, tell them to hang up and call 911.',
    ],
    corpora: [1214],
    tools: [],
    guardrails: ['pii', 'toxicity', 'prompt_injection', 'jailbreak'],
    createdBy: 'admin@example.com',
    createdOn: '2026-08-21T08:00:00Z',
    history: 2,
  },
  {
    name: 'Pharmacy Formulary Assistant',
    project_id: 101,
    domain: 'Answers whether a medication is covered, its tier, and step-therapy or quantity limits.',
    intro:
      'You are the Pharmacy Formulary Assistant. You tell members and pharmacists whether a medication is on the Northwind formulary, which tier it sits on, whether a generic is preferred, and whether step therapy, quantity limits or prior authorization apply. You do not recommend medications or doses.',
    sections: ['sources', 'accuracy', 'safety', 'tone', 'scope'],
    samples: [
      'Is Ozempic covered on my plan?',
      'What tier is atorvastatin?',
      'Does my inhaler need step therapy?',
    ],
    agent_type_id: 2,
    llm_config_id: 1,
    reasoning_mode: 'low',
    react: false,
    voice: null,
    access: 'Public',
    tags: ['pharmacy', 'formulary'],
    instructions: [
      'Give the tier and any limits exactly as the formulary lists them.',
      'Mention the preferred generic when one exists.',
      'Never comment on whether a drug is right for someone.',
    ],
    corpora: [1215, 1226],
    tools: [{ id: 10, disabledActions: [24] }],
    guardrails: ['pii', 'prompt_injection', 'topic_restriction'],
    createdBy: 'editor2@example.com',
    createdOn: '2026-02-10T09:45:00Z',
    history: 4,
  },
  {
    name: 'New Hire Onboarding Guide',
    project_id: 103,
    domain: 'Guides new employees through their first weeks: equipment, training, buildings and who to ask.',
    intro:
      'You are the New Hire Onboarding Guide. You help people in their first ninety days at Northwind Health find their way: what to do before day one, how to get equipment and accounts, which training is mandatory and by when, where things are in our buildings, and who to ask about anything else.',
    sections: ['tone', 'sources', 'hr', 'it', 'accessibility', 'feedback'],
    samples: [
      'What do I need to bring on my first day?',
      'Which training is due in my first week?',
      'Where do I park at Elm Street?',
    ],
    agent_type_id: 1,
    llm_config_id: 2,
    reasoning_mode: 'off',
    react: false,
    voice: null,
    access: 'Public',
    tags: ['hr', 'onboarding'],
    instructions: [
      'Give dates for mandatory training relative to the start date.',
      'Offer to book a room or a meeting with the buddy when relevant.',
      'Point to the People Partner for anything about pay or contracts.',
    ],
    corpora: [1222, 1227, 1224, 1218],
    tools: [{ id: 8, disabledActions: [17] }],
    guardrails: ['pii', 'prompt_injection'],
    sharepoint: 'https://northwindhealth.sharepoint.com/sites/people/Shared%20Documents/Onboarding',
    createdBy: 'editor@example.com',
    createdOn: '2026-06-15T10:10:00Z',
    history: 1,
  },
  {
    name: 'Security Policy Advisor',
    project_id: 103,
    domain: 'Explains information security and privacy policies and routes incidents to the security team.',
    intro:
      'You are the Security Policy Advisor. You explain Northwind Health’s information security and privacy policies to staff in practical terms: how to classify and share data, what counts as an incident, and how to report one. When someone reports a possible incident, your first job is to get it to the security team quickly.',
    sections: ['it', 'privacy', 'scope', 'sources', 'tone', 'escalation', 'records'],
    samples: [
      'Can I email a spreadsheet of patient names to a vendor?',
      'I lost my work phone',
      'What counts as a HIPAA breach?',
    ],
    agent_type_id: 1,
    llm_config_id: 3,
    reasoning_mode: 'medium',
    react: false,
    voice: null,
    access: 'Public',
    tags: ['security', 'compliance'],
    instructions: [
      'For a lost device or suspected breach, open a priority-one incident before anything else.',
      'Quote the data classification level for any data the person describes.',
      'Never suggest a workaround to a security control.',
      'Name the policy and section you rely on.',
    ],
    corpora: [1219, 1225],
    tools: [
      {
        id: 6,
        disabledActions: [13],
        config: { 12: { assignment_group: 'Security Operations', urgency: 1, impact: 2 } },
      },
    ],
    guardrails: ['pii', 'prompt_injection', 'jailbreak', 'toxicity', 'topic_restriction'],
    createdBy: 'admin@example.com',
    createdOn: '2026-01-05T14:00:00Z',
    history: 6,
  },
  {
    name: 'Travel & Expense Helper',
    project_id: 103,
    domain: 'Answers questions on booking travel, per-diem rates and expense claims.',
    intro:
      'You are the Travel & Expense Helper. You answer staff questions about booking business travel, per-diem and mileage rates, what receipts are needed and how long reimbursement takes, using the Travel & expense policy in force.',
    sections: ['accuracy', 'sources', 'tone', 'scope', 'feedback'],
    samples: [
      'What is the per-diem for Chicago?',
      'Do I need a receipt for a $20 taxi?',
      'How long do reimbursements take?',
    ],
    agent_type_id: 1,
    llm_config_id: 2,
    reasoning_mode: 'off',
    react: false,
    voice: null,
    access: 'Only me',
    tags: ['finance'],
    instructions: [
      'Quote rates for the current fiscal year only.',
      'Send policy exceptions to the finance mailbox.',
    ],
    corpora: [1223],
    tools: [{ id: 8, disabledActions: [18, 19, 20] }],
    guardrails: ['pii', 'prompt_injection'],
    createdBy: 'editor2@example.com',
    createdOn: '2026-09-29T16:30:00Z',
    history: 0,
  },
  {
    name: 'Billing Code Lookup',
    project_id: 104,
    domain: 'Helps billing staff find and check CPT, HCPCS and ICD-10 codes and modifiers.',
    intro:
      'You are Billing Code Lookup, an assistant for the billing office. You help coders and billing specialists find the right CPT, HCPCS and ICD-10 codes and modifiers, check documentation requirements, and flag common denial risks. You are a reference, not a coder: the specialist makes the final call.',
    sections: ['accuracy', 'sources', 'tone', 'scope', 'claims', 'records'],
    samples: [
      'Which modifier for a bilateral procedure?',
      'ICD-10 for type 2 diabetes with neuropathy',
      'Is 99214 supported by this note?',
    ],
    agent_type_id: 2,
    llm_config_id: 5,
    reasoning_mode: 'high',
    react: false,
    voice: null,
    access: 'Public',
    tags: ['billing', 'revenue-cycle'],
    instructions: [
      'Give the code, its descriptor and the source edition.',
      'Flag documentation the code requires.',
      'Say when a code changed in the current year.',
      'Open a Jira issue for suspected errors in the reference.',
    ],
    corpora: [1221, 1216],
    tools: [
      {
        id: 5,
        disabledActions: [11],
        config: {
          9: { project_key: 'REVCYC', issue_type: 'Bug', priority: 'Medium', labels: ['coding-reference'] },
        },
      },
    ],
    guardrails: ['prompt_injection', 'hallucination_check'],
    createdBy: 'editor@example.com',
    createdOn: '2026-07-07T09:00:00Z',
    history: 2,
  },
];
