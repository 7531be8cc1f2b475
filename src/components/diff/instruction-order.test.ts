import { describe, expect, it } from 'vitest';
import { instructionOrder } from './instruction-order';
import { fieldChange } from '@/test/agent-fixtures';

const fc = fieldChange;

const orderChange = (before: string[], after: string[]) =>
  fc({ path: 'instructions/order', label: 'Instruction order', before, after });

const QUOTE = 'Quote rates for the current fiscal year only.';
const SEND = 'Send policy exceptions to the finance mailbox.';

describe('instructionOrder', () => {
  it('follows an instruction edited as well as moved by its own change, not as removed and added', () => {
    const edit = fc({
      path: 'instructions/1062',
      label: 'Instruction 2 (was 1)',
      before: QUOTE,
      after: `EDITED: ${QUOTE}`,
    });
    const order = orderChange([QUOTE, SEND], [SEND, `EDITED: ${QUOTE}`]);
    expect(instructionOrder(order, [edit, order])).toEqual({
      moves: [
        { from: 2, to: 1, text: SEND, edited: false },
        { from: 1, to: 2, text: `EDITED: ${QUOTE}`, edited: true },
      ],
      withEdits: true,
      keptOnly: false,
    });
  });

  it('does not guess when an edited instruction’s text is there twice', () => {
    const edit = fc({ path: 'instructions/7', label: 'Instruction 3 (was 2)', before: 'A', after: 'A2' });
    const order = orderChange(['A', 'A', 'B'], ['B', 'A', 'A2']);
    expect(instructionOrder(order, [edit, order])).toBeNull();
  });

  it('lists only the instructions whose position changed', () => {
    const order = orderChange(['A', 'B', 'C'], ['C', 'B', 'A']);
    const result = instructionOrder(order, [order]);
    expect(result?.moves).toEqual([
      { from: 3, to: 1, text: 'C', edited: false },
      { from: 1, to: 3, text: 'A', edited: false },
    ]);
    expect(result?.withEdits).toBe(false);
  });

  it('keeps instructions of the same text in their order', () => {
    const order = orderChange(['A', 'B', 'A'], ['B', 'A', 'A']);
    expect(instructionOrder(order, [order])?.moves).toEqual([
      { from: 2, to: 1, text: 'B', edited: false },
      { from: 1, to: 2, text: 'A', edited: false },
    ]);
  });

  it('says positions count only the kept instructions when others were added or removed', () => {
    const removed = fc({ path: 'instructions/9', label: 'Instruction 1', change: 'removed', before: 'Z' });
    const order = orderChange(['A', 'B'], ['B', 'A']);
    expect(instructionOrder(order, [removed, order])?.keptOnly).toBe(true);
  });

  it('gives up on lists it cannot match, so the card falls back to showing them as they are', () => {
    expect(instructionOrder(orderChange(['A', 'B'], ['B', 'C']), [])).toBeNull();
    expect(instructionOrder(fc({ path: 'instructions/order', before: 'A', after: ['A'] }), [])).toBeNull();
  });
});
