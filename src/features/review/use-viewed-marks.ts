import { useCallback } from 'react';
import { useLocalStorage } from '@mantine/hooks';
import { useSectionSignatures } from './use-section-signatures';
import type { DiffSection } from '@/api/adapter';
import {
  isViewed,
  parseViewedMarks,
  toggleViewed,
  viewedCount,
  type ViewedMarks,
  viewedMarksStorageKey,
} from '@/lib/viewed-marks';

export interface ViewedMarksState {
  /** Signature of each current section's changes, by section key; null while being computed. */
  signatures: Readonly<Record<string, string | null>>;
  isViewed: (sectionKey: string) => boolean;
  /** True while a large section's signature is still being computed: its mark cannot change yet. */
  isPending: (sectionKey: string) => boolean;
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
  const signatures = useSectionSignatures(sections);
  const toggle = useCallback(
    (key: string) => {
      const signature = signatures[key];
      if (signature) setMarks((prev) => toggleViewed(prev, key, signature, signatures));
    },
    [setMarks, signatures],
  );
  return {
    signatures,
    isViewed: (key) => {
      const signature = signatures[key];
      return typeof signature === 'string' && isViewed(marks, key, signature);
    },
    isPending: (key) => signatures[key] === null,
    toggle,
    viewed: viewedCount(marks, signatures),
    total: sections.length,
  };
}
