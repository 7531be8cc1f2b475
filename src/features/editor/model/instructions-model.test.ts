import { describe, expect, it } from 'vitest';
import { configFixture } from './config-fixture';
import { runPlan } from './fake-staging';
import {
  instructionsFormSchema,
  instructionsModel,
  mergeInstructions,
  toInstructionsForm,
  type InstructionsForm,
} from './instructions-model';

const config = configFixture({
  instructions: [
    { id: 11, instruction: 'One' },
    { id: 12, instruction: 'Two' },
    { id: 13, instruction: 'Three' },
  ],
});
const base = toInstructionsForm(config.instructions);
const [one, two, three] = base.items as [
  InstructionsForm['items'][number],
  InstructionsForm['items'][number],
  InstructionsForm['items'][number],
];

describe('instructions save plan', () => {
  it('deletes, adds, then puts text and order in one request', () => {
    const target: InstructionsForm = {
      items: [{ ...three, instruction: 'Three, edited' }, { key: 'nA', id: null, instruction: ' New ' }, one],
    };
    const { ops, config: after, target: final } = runPlan(instructionsModel, base, target, undefined, config);
    expect(ops.map((o) => o.kind)).toEqual(['delete-instruction', 'add-instruction', 'replace-instructions']);
    expect(ops[0]).toEqual({ kind: 'delete-instruction', instructionId: 12 });
    expect(ops[1]).toMatchObject({ instruction: 'New' });
    expect(after.instructions).toEqual([
      { id: 13, instruction: 'Three, edited' },
      { id: 900, instruction: 'New' },
      { id: 11, instruction: 'One' },
    ]);
    expect(final.items[1]).toMatchObject({ key: 'nA', id: 900 });
  });

  it('adds without a PUT when the new instruction goes last', () => {
    const target = { items: [...base.items, { key: 'nB', id: null, instruction: 'Four' }] };
    expect(runPlan(instructionsModel, base, target, undefined, config).ops.map((o) => o.kind)).toEqual([
      'add-instruction',
    ]);
  });

  it('keeps the CRLF line breaks of an instruction saved with them, and of those left alone', () => {
    const crlf = configFixture({
      instructions: [
        { id: 21, instruction: 'Greet\r\nthen ask' },
        { id: 22, instruction: 'Close\r\npolitely' },
      ],
    });
    const from = toInstructionsForm(crlf.instructions);
    const [first, second] = from.items as [
      InstructionsForm['items'][number],
      InstructionsForm['items'][number],
    ];
    const target = { items: [second, { ...first, instruction: 'Greet\nthen ask their name' }] };
    expect(runPlan(instructionsModel, from, target, undefined, crlf).ops).toEqual([
      {
        kind: 'replace-instructions',
        instructions: [
          { id: 22, instruction: 'Close\r\npolitely' },
          { id: 21, instruction: 'Greet\r\nthen ask their name' },
        ],
      },
    ]);
  });

  it('sends nothing when nothing changed', () => {
    expect(runPlan(instructionsModel, base, { items: [...base.items] }, undefined, config).ops).toEqual([]);
  });

  it('points a server error about an added instruction at its text field', () => {
    const target = { items: [...base.items, { key: 'nC', id: null, instruction: 'x' }] };
    const op = { kind: 'add-instruction' as const, instruction: 'x', clientKey: 'nC' };
    expect(instructionsModel.errorPath(op, 'instruction', target)).toBe('items.3.instruction');
  });
});

describe('keeping my instructions over theirs', () => {
  it('applies my edit and keeps their addition', () => {
    const mine = { items: [{ ...one, instruction: 'One, mine' }, two, three] };
    const theirs = { items: [...base.items, { key: 'i14', id: 14, instruction: 'Theirs' }] };
    expect(mergeInstructions(base, mine, theirs).items.map((i) => i.instruction)).toEqual([
      'One, mine',
      'Two',
      'Three',
      'Theirs',
    ]);
  });

  it('brings back as new an instruction I edited that they deleted', () => {
    const mine = { items: [one, { ...two, instruction: 'Two, mine' }, three] };
    const theirs = { items: [one, three] };
    const merged = mergeInstructions(base, mine, theirs).items;
    expect(merged.map((i) => [i.id, i.instruction])).toEqual([
      [11, 'One'],
      [null, 'Two, mine'],
      [13, 'Three'],
    ]);
  });

  it('keeps my order and my deletion', () => {
    const mine = { items: [three, one] };
    const theirs = { items: [one, { ...two, instruction: 'Two, theirs' }, three] };
    expect(mergeInstructions(base, mine, theirs).items.map((i) => i.instruction)).toEqual(['Three', 'One']);
  });
});

describe('instructionsModel.adoptCreated', () => {
  const item = (id: number | null, instruction: string, key = id === null ? 'nY' : `i${id}`) => ({
    key,
    id,
    instruction,
  });
  const adoptCreated = instructionsModel.adoptCreated!;

  it('gives the new items the ids of what the lost save created, and adds those to the base', () => {
    const base = { items: [item(1, 'A'), item(2, 'B')] };
    const target = { items: [item(1, 'A'), item(null, ' Y '), item(2, 'B')] };
    const now = { items: [item(1, 'A'), item(2, 'B'), item(9, 'Y')] };
    expect(adoptCreated(target, now, base)).toEqual({
      target: { items: [item(1, 'A'), item(9, ' Y ', 'nY'), item(2, 'B')] },
      base: { items: [item(1, 'A'), item(2, 'B'), item(9, 'Y')] },
    });
  });

  it('leaves alone what someone else created, and says so when the save created nothing', () => {
    const base = { items: [item(1, 'A')] };
    const target = { items: [item(1, 'A'), item(null, 'Y')] };
    const now = { items: [item(1, 'A'), item(7, 'Theirs')] };
    expect(adoptCreated(target, now, base)).toBeNull();
  });
});

describe('instructions form rules', () => {
  const errors = (items: InstructionsForm['items']) => {
    const r = instructionsFormSchema.safeParse({ items });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('write an instruction’s length limit with its thousands grouped, as the other limits', () => {
    expect(errors([{ ...one, instruction: 'x'.repeat(20_001) }])).toEqual({
      'items.0.instruction': 'An instruction is at most 20,000 characters',
    });
    expect(errors([{ ...one, instruction: ` ${'x'.repeat(20_000)} ` }])).toEqual({});
  });

  it('keep the contract’s other rules for an instruction', () => {
    expect(errors([{ ...one, instruction: '   ' }])).toEqual({
      'items.0.instruction': 'An instruction cannot be empty',
    });
  });
});
