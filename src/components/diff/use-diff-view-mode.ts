import { useLocalStorage } from '@mantine/hooks';

export type DiffViewMode = 'split' | 'unified';

export const DIFF_VIEW_MODE_KEY = 'ejento.diff-view-mode';

/**
 * Split or unified: a sticky preference of the person reviewing, kept in local storage and shared
 * by every text diff on screen (Mantine's hook keeps all its users in step).
 */
export function useDiffViewMode(): [DiffViewMode, (mode: DiffViewMode) => void] {
  const [mode, setMode] = useLocalStorage<DiffViewMode>({
    key: DIFF_VIEW_MODE_KEY,
    defaultValue: 'split',
    getInitialValueInEffect: false,
    deserialize: (raw) => (raw === 'unified' || raw === '"unified"' ? 'unified' : 'split'),
    serialize: (value) => value,
  });
  return [mode, setMode];
}
