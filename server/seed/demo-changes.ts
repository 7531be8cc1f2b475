import type { AgentDetailWire, GuardrailSetting } from '../../contract';
import type { UserRecord } from '../repositories/users';
import type { Services } from '../services';
import { INSTRUCTION_TWEAKS } from './prompt-library';

/**
 * The demo history's small changes, each made together with the ways a reviewer would note it
 * at publish. A note chosen apart from its change ends up describing another one: History
 * then shows "Turned on the hallucination check" beside a diff of the system prompt.
 */

export const pick = <T>(rand: () => number, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)] as T;

/** Publish notes for one change: every phrasing names what the change touched. */
export type NotePhrasings = readonly [string, ...string[]];

export interface ChangeContext {
  edits: Services['edits'];
  rand: () => number;
  /** Staging as it was before the change. */
  agent: AgentDetailWire;
  step: number;
  editor: UserRecord;
}

/** Makes its change on staging and returns how to note it, or null when it has nothing to change. */
type SmallChange = (c: ChangeContext) => NotePhrasings | null;

const SAMPLE_VARIANTS = [
  'What changed in my plan this year?',
  'Who do I call if this is urgent?',
  'Can you explain that in Spanish?',
  'Where do I upload documents?',
  'How long will this take?',
  'Can you open a case for me?',
];

/** "Hallucination check" reads "hallucination check" mid-sentence; "PII redaction" stays as it is. */
const midSentence = (name: string) =>
  /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
const withoutStop = (sentence: string) => sentence.replace(/\.$/, '');
const tweakAt = (index: number) => INSTRUCTION_TWEAKS[index % INSTRUCTION_TWEAKS.length] ?? '';
const ALSO = ' Also: ';

export function toggleGuardrail(c: ChangeContext, guardrail: GuardrailSetting): NotePhrasings {
  const on = !guardrail.enabled;
  c.edits.toggleGuardrail(c.agent.id, c.editor, undefined, guardrail.type, on);
  const name = midSentence(guardrail.name);
  return on
    ? [
        `Turned on the ${name}`,
        `${guardrail.name} on after the incident review`,
        `Switched the ${name} on for the pilot group`,
        `Guardrails: ${name} enabled, per the compliance review`,
      ]
    : [
        `Turned the ${name} off`,
        `${guardrail.name} off again: too many false positives`,
        `Switched off the ${name} while the blocked answers are reviewed`,
        `Guardrails: ${name} disabled for now`,
      ];
}

const tweakInstruction: SmallChange = (c) => {
  const { agent, step } = c;
  const index = step % agent.instructions.length;
  const target = agent.instructions[index];
  if (!target) return null;
  const [base = target.instruction, previous] = target.instruction.split(ALSO);
  const tweak = tweakAt(step);
  const list = agent.instructions.map((i) =>
    i.id === target.id ? { ...i, instruction: `${base}${ALSO}${tweak}` } : i,
  );
  c.edits.replaceInstructions(agent.id, c.editor, undefined, list);
  const n = index + 1;
  return previous === undefined
    ? [
        `Instruction ${n} now also says “${tweak}”`,
        `Added to instruction ${n}: ${withoutStop(tweak)}`,
        `Tightened instruction ${n} after the QA review of last week’s transcripts`,
      ]
    : [
        `Instruction ${n}: swapped the added clause for “${tweak}”`,
        `Reworded the end of instruction ${n}: ${withoutStop(tweak)}`,
        `Instruction ${n} follow-up from the QA review: ${withoutStop(tweak)}`,
      ];
};

const toggleOptionalGuardrail: SmallChange = (c) => {
  // PII redaction stays on: no reviewer would publish an agent without it.
  const optional = c.agent.guardrails.filter((g) => g.type !== 'pii');
  const guardrail = optional[Math.floor(c.step / 8) % Math.max(1, optional.length)];
  return guardrail ? toggleGuardrail(c, guardrail) : null;
};

const setActionTimeout: SmallChange = (c) => {
  const tool = c.agent.tools.find((t) => t.actions.length > 0);
  const action = tool?.actions[c.step % tool.actions.length];
  if (!tool || !action) return null;
  const seconds = 10 + (c.step % 7) * 5;
  c.edits.setActionConfig(c.agent.id, c.editor, undefined, tool.tool.id, action.id, {
    ...action.config,
    timeout_seconds: seconds,
  });
  const was = action.config.timeout_seconds;
  const name = `“${action.name}”`;
  if (typeof was !== 'number')
    return [
      `Set a ${seconds}-second timeout on ${tool.tool.name} ${name}`,
      `${tool.tool.name}: ${name} now gives up after ${seconds} seconds`,
      `Added a ${seconds} s timeout to ${name}, per the Tier 1 lead`,
    ];
  return seconds > was
    ? [
        `Raised the ${name} timeout to ${seconds} s (was ${was})`,
        `${tool.tool.name} ${name}: more time before it times out (${seconds} s)`,
        `Gave ${name} ${seconds} seconds; lookups were timing out at ${was}`,
      ]
    : [
        `Lowered the ${name} timeout to ${seconds} s (was ${was})`,
        `${tool.tool.name} ${name} times out sooner now: ${seconds} s`,
        `Cut the ${name} timeout from ${was} to ${seconds} seconds; people were left waiting`,
      ];
};

const REMINDER = 'Reminder for this release: ';

const setReleaseReminder: SmallChange = (c) => {
  const paragraphs = c.agent.prefix_prompt.split('\n\n');
  const last = paragraphs.length - 1;
  const tweak = tweakAt(c.step * 5);
  const replacing = paragraphs[last]?.startsWith(REMINDER) === true;
  if (replacing) paragraphs[last] = REMINDER + tweak;
  else paragraphs.push(REMINDER + tweak);
  c.edits.updateSettings(c.agent.id, c.editor, undefined, { prefix_prompt: paragraphs.join('\n\n') });
  return replacing
    ? [
        `New release reminder in the system prompt: ${withoutStop(tweak)}`,
        `Swapped the system prompt’s release reminder for “${tweak}”`,
        `Prompt refresh: the release reminder now says “${tweak}”`,
      ]
    : [
        `Added a release reminder to the system prompt: ${withoutStop(tweak)}`,
        `System prompt: release reminder “${tweak}”`,
      ];
};

const setReactIterations: SmallChange = (c) => {
  const was = c.agent.react_max_iteration_count;
  const count = 3 + (c.step % 9);
  c.edits.updateSettings(c.agent.id, c.editor, undefined, { react_max_iteration_count: count });
  return count > was
    ? [
        `Increased ReAct iterations to ${count} so multi-step lookups can chain`,
        `ReAct max iterations ${was} → ${count}`,
        `More ReAct iterations (${count}, was ${was}): multi-step questions were cut short`,
      ]
    : [
        `Reduced ReAct iterations to ${count}; latency was too high`,
        `ReAct max iterations ${was} → ${count}`,
        `Fewer ReAct iterations (${count}, was ${was}) to bring response times down`,
      ];
};

const TEMPORARY = 'Temporary: ';

const toggleTemporaryInstruction: SmallChange = (c) => {
  const added = c.agent.instructions.find((i) => i.instruction.startsWith(TEMPORARY));
  if (added) {
    c.edits.deleteInstruction(c.agent.id, c.editor, undefined, added.id);
    const text = added.instruction.slice(TEMPORARY.length);
    return [
      `Removed the temporary instruction (“${text}”)`,
      `Temporary instruction retired: ${withoutStop(text)}`,
      `Dropped the temporary instruction now that the FAQ covers it`,
    ];
  }
  const tweak = pick(c.rand, INSTRUCTION_TWEAKS);
  c.edits.addInstruction(c.agent.id, c.editor, undefined, TEMPORARY + tweak);
  return [
    `Temporary instruction for this release: “${tweak}”`,
    `Added a temporary instruction: ${withoutStop(tweak)}`,
    `Temporary instruction until the FAQ is updated: ${withoutStop(tweak)}`,
  ];
};

const toggleKnowledgeSource: SmallChange = (c) => {
  const connection = c.agent.knowledge_sources.corpora.find((k) => !k.is_default);
  if (!connection) return null;
  const on = !connection.is_enabled;
  c.edits.updateCorpus(c.agent.id, c.editor, undefined, connection.corpus.id, { is_enabled: on });
  const { name } = connection.corpus;
  return on
    ? [
        `${name} back on after the re-index`,
        `Re-enabled the ${name} knowledge source`,
        `Turned the updated ${name} export back on`,
      ]
    : [
        `Paused the ${name} knowledge source while it is re-indexed`,
        `${name} off for now: answers quoted last year’s version`,
        `Disabled ${name} pending the content review`,
      ];
};

const setThirdSampleQuestion: SmallChange = (c) => {
  const question = pick(c.rand, SAMPLE_VARIANTS);
  c.edits.updateSettings(c.agent.id, c.editor, undefined, { sample_q3: question });
  return [
    `Sample question 3 is now “${question}”`,
    `Refreshed the third sample question: “${question}”`,
    `New sample question for the welcome screen: “${question}”`,
  ];
};

/** In turn, one per publish: step % 8 picks the kind. */
export const SMALL_CHANGES: readonly SmallChange[] = [
  tweakInstruction,
  toggleOptionalGuardrail,
  setActionTimeout,
  setReleaseReminder,
  setReactIterations,
  toggleTemporaryInstruction,
  toggleKnowledgeSource,
  setThirdSampleQuestion,
];
