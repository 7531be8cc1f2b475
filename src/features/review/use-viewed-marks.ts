import { useCallback, useMemo } from 'react';
import { useLocalStorage } from '@mantine/hooks';
import type { DiffSection } from '@/api/adapter';
import {
  isViewed,
  parseViewedMarks,
  sectionSignature,
  toggleViewed,
  viewedCount,
  type ViewedMarks,
  viewedMarksStorageKey,
} from '@/lib/viewed-marks';

export interface ViewedMarksState {
  /** Signature of each current section's changes, by section key. */
  signatures: Readonly<Record<string, string>>;
  isViewed: (sectionKey: string) => boolean;
  toggle: (sectionKey: string) => void;
  viewed: number;
  total: number;
}

/**
 * "Viewed" marks of one agent's review, kept in local storage. A section counts as viewed only
 * while its changes still have the signature they had when marked, so a mark clears itself when
 * that section changes.
 */
export function useViewedMarks(agentId: number, sections: readonly DiffSection[]): ViewedMarksState {
  const [marks, setMarks] = useLocalStorage<ViewedMarks>({
    key: viewedMarksStorageKey(agentId),
    defaultValue: {},
    getInitialValueInEffect: false,
    serialize: (v) => JSON.stringify(v),
    deserialize: (raw) => parseViewedMarks(raw),
  });
  const signatures = useMemo(
    () => Object.fromEntries(sections.map((s) => [s.key, sectionSignature(s.changes)])),
    [sections],
  );
  const toggle = useCallback(
    (key: string) => {
      const signature = signatures[key];
      if (signature) setMarks((prev) => toggleViewed(prev, key, signature, signatures));
    },
    [setMarks, signatures],
  );
  return {
    signatures,
    isViewed: (key) => isViewed(marks, key, signatures[key] ?? ''),
    toggle,
    viewed: viewedCount(marks, signatures),
    total: sections.length,
  };
}
