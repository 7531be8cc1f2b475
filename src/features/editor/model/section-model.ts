import type { AgentConfig } from '@contract';
import type { EditOp, EditPlanner } from '@/api/agents/edits';
import type { DescribedField } from '@/lib/three-way-merge';

/** The forms of the Edit tab; each saves on its own and keeps its own draft. */
export const FORM_IDS = [
  'settings',
  'access',
  'instructions',
  'corpora',
  'sharepoint',
  'tools',
  'guardrails',
] as const;
export type FormId = (typeof FORM_IDS)[number];

/**
 * What one form of the editor knows about its part of the configuration, as pure functions:
 * the part in form shape, a save plan from the user's changes, a three-way merge for "keep
 * mine", and the part as lines people read (for the conflict view).
 */
export interface SectionModel<F, C> {
  id: FormId;
  /** The part of the staging configuration this form edits, in form shape. */
  fromConfig(config: AgentConfig, ctx: C): F;
  /**
   * The edits that carry the user's changes (`base` → `target`) to the server. Only what the
   * user changed is sent, and each change at most once.
   */
  planner(base: F, target: F, ctx: C): SectionPlanner<F>;
  /** The user's changes on top of what someone else saved since. */
  merge(base: F, mine: F, theirs: F): F;
  describe(values: F, ctx: C): Record<string, DescribedField>;
  /** Where a server error about `field` belongs in the form, for the edit that failed. */
  errorPath(op: EditOp, field: string, target: F): string | null;
  /**
   * What a server error about `field` that has no field in the form is about, as the form names
   * it ("Knowledge source “HR Policies”", "Instructions"): shown before the message where the
   * save's failure is said, for the wire's names (`corpus_ids`) mean nothing to the user. Null
   * when the message says it all.
   */
  errorLabel(op: EditOp, field: string, ctx: C): string | null;
  /**
   * Whether two values of the form say the same, for telling whether staging already holds what
   * a save submitted. Deep equality when absent; a form whose new items get their ids from the
   * server compares without them (an item created by a save whose answer was lost has an id in
   * staging and none in the form).
   */
  sameContent?(a: F, b: F): boolean;
  /**
   * Whether `values` hold nothing to save from `base`: the draft, its "unsaved" marks and the
   * Save button go by it. Deep equality when absent; a form whose text stands for a value (an
   * action's JSON configuration) compares the values, so a text only laid out anew is no change.
   */
  unchanged?(values: F, base: F): boolean;
  /**
   * After a save whose answer was lost: the items that save created, found in `now` (staging as
   * read again) and in neither `base` nor `target`, matched to the target's new items by
   * content. Returns the target with their ids, and the base with them added (so a plan from it
   * neither creates them again nor touches anyone else's); null when it created none. Only
   * forms whose new items get server ids have it.
   */
  adoptCreated?(target: F, now: F, base: F): { target: F; base: F } | null;
}

export interface SectionPlanner<F> extends EditPlanner {
  /** The target as it stands after the edits so far (new instructions get their ids). */
  target(): F;
}

/** Remembers which changes were sent, so each goes out once whatever the server answers. */
export function sentOnce() {
  const sent = new Set<string>();
  return {
    has: (key: string) => sent.has(key),
    mark: (key: string) => void sent.add(key),
  };
}
