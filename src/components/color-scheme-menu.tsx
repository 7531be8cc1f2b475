import { ActionIcon, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { ConsoleIcon, type ConsoleIconName } from './console-icon';
import { Deferred } from './deferred';

export const COLOR_SCHEME_OPTIONS: { value: MantineColorScheme; label: string; icon: ConsoleIconName }[] = [
  { value: 'light', label: 'Light', icon: 'sun' },
  { value: 'dark', label: 'Dark', icon: 'moon' },
  { value: 'auto', label: 'Match system', icon: 'sun-moon' },
];

/** The scheme in force and how its button is named. */
export function useColorSchemeChoice() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const current = COLOR_SCHEME_OPTIONS.find((o) => o.value === colorScheme) ?? COLOR_SCHEME_OPTIONS[2]!;
  return { colorScheme, setColorScheme, current, label: `Color scheme: ${current.label}` };
}

const loadMenu = async () => (await import('./color-scheme-menu-loaded')).ColorSchemeMenuLoaded;

/**
 * Light, dark or the system's choice; Mantine's colour scheme manager remembers it. The menu's
 * code loads when the user reaches for the button, not with the page.
 */
export function ColorSchemeMenu() {
  const { current, label } = useColorSchemeChoice();
  return (
    <Deferred
      load={loadMenu}
      props={{}}
      placeholder={(intent) => (
        <ActionIcon variant="default" size="lg" aria-label={label} aria-haspopup="menu" {...intent}>
          <ConsoleIcon name={current.icon} />
        </ActionIcon>
      )}
    />
  );
}
