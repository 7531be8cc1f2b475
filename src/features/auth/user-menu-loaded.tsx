import { Menu, Text } from '@mantine/core';
import { useRef } from 'react';
import { ConsoleIcon } from '@/components/console-icon';
import { useHandoff, type DeferredHandoff } from '@/components/deferred';
import { UserMenuTrigger, useSignedInUser, type UserMenuProps } from './user-menu';
import classes from './user-menu.module.css';

/** The account menu itself, loaded on first use by `UserMenu`. */
export function UserMenuLoaded({
  onSignOut,
  openOnMount,
  focusOnMount,
  pressInProgress,
}: UserMenuProps & DeferredHandoff) {
  const { me, user, displayName } = useSignedInUser();
  const trigger = useRef<HTMLButtonElement>(null);
  const { afterClose } = useHandoff(trigger, { openOnMount, focusOnMount, pressInProgress });

  return (
    <Menu
      position="bottom-end"
      width={260}
      withinPortal
      // Mantine's focus placeholder is an element with a tabindex inside role="menu": axe's
      // aria-required-children fails on it, and opened from the keyboard the focus lands on
      // nothing a screen reader can name. Without it the focus goes to the first item.
      withInitialFocusPlaceholder={false}
      defaultOpened={openOnMount}
      onExitTransitionEnd={afterClose}
    >
      <Menu.Target>
        <UserMenuTrigger ref={trigger} />
      </Menu.Target>
      <Menu.Dropdown>
        {user ? (
          <div className={classes.identity}>
            <Text size="sm" fw={600} truncate>
              {displayName}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.email}
            </Text>
          </div>
        ) : (
          <Menu.Label>
            {me.isError ? 'Your profile could not be loaded.' : 'Loading your profile…'}
          </Menu.Label>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<ConsoleIcon name="logout" size={16} />} onClick={onSignOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
