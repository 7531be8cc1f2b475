import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { useRef, useState } from 'react';
import { COLOR_SCHEME_OPTIONS, useColorSchemeChoice } from './color-scheme-menu';
import { ConsoleIcon } from './console-icon';
import { useHandoff, type DeferredHandoff } from './deferred';

/** The colour scheme menu itself, loaded on first use by `ColorSchemeMenu`. */
export function ColorSchemeMenuLoaded({ openOnMount, focusOnMount, pressInProgress }: DeferredHandoff) {
  const { colorScheme, setColorScheme, current, label } = useColorSchemeChoice();
  const trigger = useRef<HTMLButtonElement>(null);
  const { afterClose } = useHandoff(trigger, { openOnMount, focusOnMount, pressInProgress });
  // The button's tooltip, shown as the pointer rests on it after the click, covered the open
  // menu's label; the menu says the same.
  const [opened, setOpened] = useState(openOnMount);
  return (
    <Menu
      position="bottom-end"
      width={210}
      withinPortal
      // Mantine's focus placeholder is an element with a tabindex inside role="menu": axe's
      // aria-required-children fails on it, and opened from the keyboard the focus lands on
      // nothing a screen reader can name. Without it the focus goes to the first item.
      withInitialFocusPlaceholder={false}
      defaultOpened={openOnMount}
      onChange={setOpened}
      onExitTransitionEnd={afterClose}
    >
      <Menu.Target>
        <Tooltip label={label} openDelay={400} disabled={opened}>
          <ActionIcon ref={trigger} variant="default" size="lg" aria-label={label}>
            <ConsoleIcon name={current.icon} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Color scheme</Menu.Label>
        {COLOR_SCHEME_OPTIONS.map((o) => (
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
