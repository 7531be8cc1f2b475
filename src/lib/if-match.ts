import { deepEqual } from './deep-equal';

/** Where a section's unsaved draft started: the part it was loaded from, at which revision. */
export interface DraftOrigin<T> {
  base: T;
  baseRevision: number;
}

/**
 * The revision a save sends as `If-Match`. Staging's revision counts every edit of the agent,
 * so a save of one section must not collide with the user's own earlier save of another: while
 * this section's part on the server still equals what the draft started from, nobody changed
 * it, and the draft can go over the current revision. Once the part differs, the draft's own
 * revision goes out, and the server answers 412 with who changed it: a real conflict.
 */
export function revisionToSend<T>(draft: DraftOrigin<T> | null, server: T, serverRevision: number): number {
  if (!draft) return serverRevision;
  return deepEqual(draft.base, server) ? serverRevision : draft.baseRevision;
}

/** Someone saved this part since the draft started (the user has not yet been told on save). */
export function partChangedSince<T>(draft: DraftOrigin<T> | null, server: T): boolean {
  return draft !== null && !deepEqual(draft.base, server);
}

/** A 412 answer's `details` as the editor uses them. */
export interface StaleRevision {
  currentRevision: number;
  modifiedBy: string;
  modifiedOn: string;
}
