import { useLocalStorage } from '@mantine/hooks';

export type DiffViewMode = 'split' | 'unified';

export const DIFF_VIEW_MODE_KEY = 'ejento.diff-view-mode';

/**
 * Split or unified: a sticky preference of the person reviewing, kept in local storage and shared
 * by every text diff on screen (Mantine's hook keeps all its users in step).
 */
/** Side by side leaves columns of a few words on a phone: one column there, until chosen otherwise. */
const defaultMode = (): DiffViewMode =>
  typeof window !== 'undefined' && window.matchMedia?.('(max-width: 48em)').matches ? 'unified' : 'split';

export function useDiffViewMode(): [DiffViewMode, (mode: DiffViewMode) => void] {
  const [mode, setMode] = useLocalStorage<DiffViewMode>({
    key: DIFF_VIEW_MODE_KEY,
    defaultValue: defaultMode(),
    getInitialValueInEffect: false,
    deserialize: (raw) =>
      raw === 'unified' || raw === '"unified"'
        ? 'unified'
        : raw === 'split' || raw === '"split"'
          ? 'split'
          : defaultMode(),
    serialize: (value) => value,
  });
  return [mode, setMode];
}
