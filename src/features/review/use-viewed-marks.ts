import { useCallback } from 'react';
import { useLocalStorage } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { authQueries } from '@/api/auth/queries';
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
  // The marks are the person's own, as in code review: someone else signed in on this browser
  // starts with none, and is told before publishing sections they never marked. Who is signed
  // in is read before the screen renders (its route waits for it); here it is only read.
  const { data: me } = useQuery({ ...authQueries.me(), enabled: false });
  const [marks, setMarks] = useLocalStorage<ViewedMarks>({
    key: viewedMarksStorageKey(agentId, me?.id),
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
