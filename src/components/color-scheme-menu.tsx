import { ActionIcon, Menu, Tooltip, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { ConsoleIcon, type ConsoleIconName } from './console-icon';

const OPTIONS: { value: MantineColorScheme; label: string; icon: ConsoleIconName }[] = [
  { value: 'light', label: 'Light', icon: 'sun' },
  { value: 'dark', label: 'Dark', icon: 'moon' },
  { value: 'auto', label: 'Match system', icon: 'sun-moon' },
];

/** Light, dark or the system's choice; Mantine's colour scheme manager remembers it. */
export function ColorSchemeMenu() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const current = OPTIONS.find((o) => o.value === colorScheme) ?? OPTIONS[2]!;
  const label = `Color scheme: ${current.label}`;
  return (
    <Menu position="bottom-end" width={180} withinPortal>
      <Menu.Target>
        <Tooltip label={label} openDelay={400}>
          <ActionIcon variant="default" size="lg" aria-label={label}>
            <ConsoleIcon name={current.icon} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Color scheme</Menu.Label>
        {OPTIONS.map((o) => (
          <Menu.Item
            key={o.value}
            aria-label={o.value === colorScheme ? `${o.label} (current)` : o.label}
            leftSection={<ConsoleIcon name={o.icon} size={16} />}
            rightSection={o.value === colorScheme ? <ConsoleIcon name="check" size={14} /> : null}
            onClick={() => setColorScheme(o.value)}
          >
            {o.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
