import { Avatar, Group, Menu, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { authQueries } from '@/api/auth/queries';
import { ConsoleIcon } from '@/components/console-icon';
import classes from './user-menu.module.css';

export interface UserMenuProps {
  onSignOut: () => void;
}

function initials(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2) return `${words[0]![0]}${words[words.length - 1]![0]}`.toUpperCase();
  return (words[0] ?? email).slice(0, 2).toUpperCase();
}

/** Who is signed in, and the way out. Still offers "Sign out" when the profile cannot load. */
export function UserMenu({ onSignOut }: UserMenuProps) {
  const me = useQuery(authQueries.me());
  const user = me.data;
  const displayName = user ? user.name || `${user.first_name} ${user.last_name}`.trim() || user.email : null;

  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          className={classes.trigger}
          aria-label={displayName ? `Account: ${displayName}` : 'Account'}
        >
          <Group gap={8} wrap="nowrap">
            {me.isPending ? (
              <Skeleton circle height={30} />
            ) : (
              <Avatar size={30} radius="xl" color="indigo" variant="filled">
                {user ? initials(displayName ?? '', user.email) : '?'}
              </Avatar>
            )}
            <Text size="sm" fw={500} visibleFrom="md" truncate maw={180}>
              {displayName ?? (me.isPending ? '' : 'Account')}
            </Text>
            <ConsoleIcon name="chevron-down" size={14} />
          </Group>
        </UnstyledButton>
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
