import type { ChangeKind, Diff as DiffWire, SectionKey, StagingDiff as StagingDiffWire } from '@contract';

export interface FieldChange {
  path: string;
  label: string;
  change: ChangeKind;
  before: unknown;
  after: unknown;
  modifiedBy: string | null;
  modifiedOn: string | null;
}

export interface DiffSection {
  key: SectionKey;
  title: string;
  changes: FieldChange[];
}

export interface Diff {
  hasChanges: boolean;
  sections: DiffSection[];
}

export interface StagingDiff extends Diff {
  agentId: number;
  fingerprint: string;
  liveChangeTrackId: number | null;
}

export function toDiff(w: DiffWire): Diff {
  return {
    hasChanges: w.has_changes,
    sections: w.sections.map((s) => ({
      key: s.key,
      title: s.title,
      changes: s.changes.map((c) => ({
        path: c.path,
        label: c.label,
        change: c.change,
        before: c.before ?? null,
        after: c.after ?? null,
        modifiedBy: c.modified_by ?? null,
        modifiedOn: c.modified_on ?? null,
      })),
    })),
  };
}

/**
 * Back to the wire's shape, for a diff saved as a file: what the API would answer, so the file
 * reads like the contract and other tools can take it as such.
 */
export function toDiffWire(d: Diff): DiffWire {
  return {
    has_changes: d.hasChanges,
    sections: d.sections.map((s) => ({
      key: s.key,
      title: s.title,
      changes: s.changes.map((c) => ({
        path: c.path,
        label: c.label,
        change: c.change,
        before: c.before,
        after: c.after,
        ...(c.modifiedBy !== null ? { modified_by: c.modifiedBy } : {}),
        ...(c.modifiedOn !== null ? { modified_on: c.modifiedOn } : {}),
      })),
    })),
  };
}

export function toStagingDiff(w: StagingDiffWire): StagingDiff {
  return {
    ...toDiff(w),
    agentId: w.agent_id,
    fingerprint: w.staging_fingerprint,
    liveChangeTrackId: w.live_change_track_id,
  };
}
