import { useLocalStorage, useMediaQuery } from '@mantine/hooks';

export type DiffViewMode = 'split' | 'unified';

export const DIFF_VIEW_MODE_KEY = 'ejento.diff-view-mode';

const NARROW = '(max-width: 48em)';

const parseMode = (raw: string | undefined): DiffViewMode | undefined =>
  raw === 'unified' || raw === '"unified"'
    ? 'unified'
    : raw === 'split' || raw === '"split"'
      ? 'split'
      : undefined;

/**
 * Split or unified: a sticky preference of the person reviewing, kept in local storage and shared
 * by every text diff on screen (Mantine's hook keeps all its users in step). Until they choose,
 * nothing is stored and the screen decides: side by side leaves columns of a few words on a
 * phone, so one column there, two elsewhere (a first visit on a phone does not make the desktop
 * unified, nor the other way round).
 */
export function useDiffViewMode(): [DiffViewMode, (mode: DiffViewMode) => void] {
  const [chosen, setChosen] = useLocalStorage<DiffViewMode | undefined>({
    key: DIFF_VIEW_MODE_KEY,
    defaultValue: undefined,
    getInitialValueInEffect: false,
    deserialize: parseMode,
    serialize: (value) => value ?? '',
  });
  const narrow = useMediaQuery(NARROW, undefined, { getInitialValueInEffect: false });
  return [chosen ?? (narrow ? 'unified' : 'split'), setChosen];
}
