import type { FieldChange } from '@/api/adapter';

/** The server's single change for a reorder of the instructions kept on both sides. */
export const INSTRUCTION_ORDER_PATH = 'instructions/order';

const INSTRUCTION_PATH = /^instructions\/\d+$/;

export interface InstructionMove {
  /** 1-based positions among the instructions on both sides, before and after. */
  from: number;
  to: number;
  /** As it reads after the change. */
  text: string;
  /** Its text changed too: that edit is its own change, not part of the order. */
  edited: boolean;
}

export interface InstructionOrder {
  /** Every instruction whose position changed, in its new order. */
  moves: InstructionMove[];
  /** Some instruction kept on both sides was edited as well as moved. */
  withEdits: boolean;
  /** Instructions were added or removed too: positions count only the ones on both sides. */
  keptOnly: boolean;
}

const isTextList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((item) => typeof item === 'string');

/**
 * The instruction order change read by instruction rather than by text. The server lists the
 * texts of the instructions kept on both sides, before and after; an instruction edited as well as
 * moved has a different text on each side, so a comparison of texts would call it removed and
 * added, and the others unchanged though they moved. Its own change in the same section
 * (`instructions/<id>`, before and after text) says which text became which, so each instruction
 * keeps its identity across the two lists. Null when the lists cannot be matched so.
 */
export function instructionOrder(
  order: FieldChange,
  sectionChanges: readonly FieldChange[],
): InstructionOrder | null {
  const { before, after } = order;
  if (!isTextList(before) || !isTextList(after) || before.length !== after.length) return null;
  const instructionChanges = sectionChanges.filter((c) => INSTRUCTION_PATH.test(c.path));
  const edits = instructionChanges.filter(
    (c): c is FieldChange & { before: string; after: string } =>
      c.change === 'modified' && typeof c.before === 'string' && typeof c.after === 'string',
  );
  // An edit is matched by its text before and after: with that text twice on a side, which of
  // the two it was cannot be told, and a guess could report the wrong moves.
  const count = (list: string[], text: string) => list.filter((t) => t === text).length;
  if (edits.some((e) => count(before, e.before) > 1 || count(after, e.after) > 1)) return null;
  const usedEdits = new Set<FieldChange>();
  const claimed = new Set<number>();
  // The first free slot of a text, so that instructions of the same text keep their order.
  const slotOf = (text: string) => after.findIndex((a, j) => a === text && !claimed.has(j));
  const positions: InstructionMove[] = [];
  for (const [from, was] of before.entries()) {
    const edit = edits.find((e) => !usedEdits.has(e) && e.before === was && slotOf(e.after) !== -1);
    const text = edit ? edit.after : was;
    const to = slotOf(text);
    if (to === -1) return null;
    if (edit) usedEdits.add(edit);
    claimed.add(to);
    positions.push({ from: from + 1, to: to + 1, text, edited: edit !== undefined });
  }
  const moves = positions.filter((p) => p.from !== p.to).sort((a, b) => a.to - b.to);
  return {
    moves,
    withEdits: positions.some((p) => p.edited),
    keptOnly: instructionChanges.some((c) => c.change !== 'modified'),
  };
}
