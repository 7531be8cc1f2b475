import { z } from 'zod';
import { LIMITS, formatCount, instructionSchema, type AgentConfig, type Instruction } from '@contract';
import { deepEqual } from '@/lib/deep-equal';
import { keepLineBreaks } from '@/lib/line-breaks';
import type { DescribedField } from '@/lib/three-way-merge';
import { sentOnce, type SectionModel } from './section-model';

export interface InstructionItem {
  /** Stable across edits: `i<id>` for saved instructions, `n<random>` for new ones. */
  key: string;
  id: number | null;
  instruction: string;
}

export type InstructionsForm = {
  items: InstructionItem[];
};

export const instructionsFormSchema = z.object({
  items: z
    .array(
      z.object({
        key: z.string(),
        id: z.number().nullable(),
        instruction: instructionSchema.shape.instruction,
      }),
    )
    .max(LIMITS.instructions, `An agent has at most ${formatCount(LIMITS.instructions)} instructions`),
});

export const savedKey = (id: number) => `i${id}`;
export const newInstructionKey = () =>
  `n${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;

export function toInstructionsForm(list: readonly Instruction[]): InstructionsForm {
  return { items: list.map((i) => ({ key: savedKey(i.id), id: i.id, instruction: i.instruction })) };
}

/**
 * "Keep mine" for an ordered list: their list, with my deletions, my edits and my additions
 * applied; my order where I reordered, theirs otherwise; their additions kept (at the end of
 * my order). An instruction I edited that they deleted comes back as a new one: nothing typed
 * is lost.
 */
export function mergeInstructions(
  base: InstructionsForm,
  mine: InstructionsForm,
  theirs: InstructionsForm,
): InstructionsForm {
  const savedIds = (f: InstructionsForm) =>
    f.items.map((i) => i.id).filter((id): id is number => id !== null);
  const baseById = new Map(base.items.map((i) => [i.id, i]));
  const mineIds = new Set(savedIds(mine));
  const theirsById = new Map(theirs.items.map((i) => [i.id, i]));
  const deletedByMe = new Set(savedIds(base).filter((id) => !mineIds.has(id)));
  const mineOrderOfSaved = savedIds(mine).filter((id) => baseById.has(id));
  const reordered = !deepEqual(
    mineOrderOfSaved,
    savedIds(base).filter((id) => mineIds.has(id)),
  );

  const resolve = (m: InstructionItem): InstructionItem | null => {
    if (m.id === null) return m;
    const b = baseById.get(m.id);
    const t = theirsById.get(m.id);
    const editedByMe = !b || b.instruction !== m.instruction;
    if (!t) return editedByMe ? { ...m, id: null, key: `n${m.key}` } : null;
    return editedByMe ? { ...t, instruction: m.instruction } : t;
  };

  let items: InstructionItem[];
  if (reordered) {
    items = mine.items.map(resolve).filter((i): i is InstructionItem => i !== null);
    const placed = new Set(items.map((i) => i.id));
    items.push(...theirs.items.filter((t) => t.id !== null && !placed.has(t.id) && !deletedByMe.has(t.id)));
  } else {
    items = theirs.items
      .filter((t) => t.id === null || !deletedByMe.has(t.id))
      .map((t) => {
        const m = mine.items.find((x) => x.id === t.id);
        return m ? (resolve(m) ?? t) : t;
      });
    // Mine that are new, or that they deleted after I edited them, go where I put them.
    mine.items.forEach((m, index) => {
      const r = resolve(m);
      if (r && r.id === null) items.splice(Math.min(index, items.length), 0, r);
    });
  }
  return { items };
}

export const instructionsModel: SectionModel<InstructionsForm, void> = {
  id: 'instructions',
  fromConfig: (config: AgentConfig) => toInstructionsForm(config.instructions),
  planner(base, initialTarget) {
    const target: InstructionsForm = { items: initialTarget.items.map((i) => ({ ...i })) };
    const targetIds = () => new Set(target.items.map((i) => i.id).filter((id) => id !== null));
    const sent = sentOnce();
    return {
      target: () => ({ items: target.items.map((i) => ({ ...i })) }),
      next(config) {
        const serverIds = new Set(config.instructions.map((i) => i.id));
        const keep = targetIds();
        for (const b of base.items) {
          if (b.id !== null && !keep.has(b.id) && serverIds.has(b.id) && !sent.has(`delete:${b.id}`)) {
            sent.mark(`delete:${b.id}`);
            return { kind: 'delete-instruction', instructionId: b.id };
          }
        }
        for (const item of target.items) {
          if (item.id === null && !sent.has(`add:${item.key}`)) {
            sent.mark(`add:${item.key}`);
            return { kind: 'add-instruction', instruction: item.instruction.trim(), clientKey: item.key };
          }
        }
        if (sent.has('order')) return null;
        sent.mark('order');
        const wanted: Instruction[] = target.items
          .filter((i): i is InstructionItem & { id: number } => i.id !== null && serverIds.has(i.id))
          .map((i) => {
            const saved = config.instructions.find((s) => s.id === i.id)?.instruction ?? '';
            return { id: i.id, instruction: keepLineBreaks(saved, i.instruction.trim()) };
          });
        const wantedIds = new Set(wanted.map((i) => i.id));
        const deleted = new Set(base.items.map((i) => i.id).filter((id) => id !== null && !keep.has(id)));
        // Someone else's instruction that this draft never saw is kept, never dropped.
        for (const s of config.instructions) if (!wantedIds.has(s.id) && !deleted.has(s.id)) wanted.push(s);
        return deepEqual(wanted, config.instructions)
          ? null
          : { kind: 'replace-instructions', instructions: wanted };
      },
      onApplied(op, result) {
        if (op.kind !== 'add-instruction' || result.createdId === undefined) return;
        const item = target.items.find((i) => i.key === op.clientKey);
        if (item) item.id = result.createdId;
      },
    };
  },
  merge: mergeInstructions,
  adoptCreated(target, now, base) {
    const known = new Set(
      [...base.items, ...target.items].map((i) => i.id).filter((id): id is number => id !== null),
    );
    const created = now.items.filter((i) => i.id !== null && !known.has(i.id));
    const adopted: InstructionItem[] = [];
    const items = target.items.map((item) => {
      if (item.id !== null) return item;
      const at = created.findIndex((c) => c.instruction.trim() === item.instruction.trim());
      if (at < 0) return item;
      const [match] = created.splice(at, 1);
      adopted.push(match!);
      return { ...item, id: match!.id };
    });
    return adopted.length > 0 ? { target: { items }, base: { items: [...base.items, ...adopted] } } : null;
  },
  sameContent: (a, b) =>
    deepEqual(
      a.items.map((i) => i.instruction.trim()),
      b.items.map((i) => i.instruction.trim()),
    ),
  describe(values) {
    const out: Record<string, DescribedField> = {};
    values.items.forEach((item, index) => {
      out[item.key] = { label: `Instruction ${index + 1}`, value: item.instruction };
    });
    out.order = {
      label: 'Order',
      value: values.items.filter((i) => i.id !== null).map((i) => i.id),
      display: values.items
        .map(
          (i, n) =>
            `${n + 1}. ${i.instruction.length > 60 ? `${i.instruction.slice(0, 59)}…` : i.instruction}`,
        )
        .join('\n'),
    };
    return out;
  },
  errorPath(op, field, target) {
    if (op.kind === 'add-instruction') {
      const index = target.items.findIndex((i) => i.key === op.clientKey);
      return index >= 0 ? `items.${index}.instruction` : null;
    }
    const m = /^instructions\.(\d+)\.(instruction|id)$/.exec(field);
    if (op.kind === 'replace-instructions' && m) {
      const sentItem = op.instructions[Number(m[1])];
      const index = target.items.findIndex((i) => i.id === sentItem?.id);
      return index >= 0 ? `items.${index}.instruction` : null;
    }
    return null;
  },
  errorLabel: () => 'Instructions',
};
