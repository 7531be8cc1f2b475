import { Avatar, Group, Skeleton, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Ref } from 'react';
import { authQueries } from '@/api/auth/queries';
import { ConsoleIcon } from '@/components/console-icon';
import { Deferred, type DeferredIntent } from '@/components/deferred';
import classes from './user-menu.module.css';

export interface UserMenuProps {
  onSignOut: () => void;
}

function initials(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2) return `${words[0]![0]}${words[words.length - 1]![0]}`.toUpperCase();
  return (words[0] ?? email).slice(0, 2).toUpperCase();
}

/** The signed-in user, as the menu shows them. */
export function useSignedInUser() {
  const me = useQuery(authQueries.me());
  const user = me.data;
  const displayName = user ? user.name || `${user.first_name} ${user.last_name}`.trim() || user.email : null;
  return { me, user, displayName };
}

export interface UserMenuTriggerProps extends Partial<DeferredIntent> {
  ref?: Ref<HTMLButtonElement>;
  className?: string;
}

/** The avatar and name that open the menu; Mantine's Menu.Target adds its own props through `rest`. */
export function UserMenuTrigger({ ref, className, ...rest }: UserMenuTriggerProps) {
  const { me, user, displayName } = useSignedInUser();
  return (
    <UnstyledButton
      ref={ref}
      className={className ? `${classes.trigger} ${className}` : classes.trigger}
      aria-haspopup="menu"
      {...rest}
    >
      <Group gap={8} wrap="nowrap">
        {me.isPending ? (
          <Skeleton circle height={30} />
        ) : (
          <Avatar size={30} radius="xl" color="indigo" variant="filled" aria-hidden>
            {user ? initials(displayName ?? '', user.email) : '?'}
          </Avatar>
        )}
        {/* Named by what it shows (WCAG 2.5.3): the name, visible from md and hidden text below
            it, then what the button is; the avatar's initials are left out. */}
        <Text size="sm" fw={500} visibleFrom="md" truncate maw={180}>
          {displayName ?? (me.isPending ? '' : 'Account')}
        </Text>
        <VisuallyHidden hiddenFrom="md">{displayName ?? (me.isPending ? '' : 'Account')}</VisuallyHidden>
        <VisuallyHidden>
          {displayName ? ', account menu' : me.isPending ? 'Account menu' : ' menu'}
        </VisuallyHidden>
        <ConsoleIcon name="chevron-down" size={14} />
      </Group>
    </UnstyledButton>
  );
}

const loadMenu = async () => (await import('./user-menu-loaded')).UserMenuLoaded;

/**
 * Who is signed in, and the way out. Still offers "Sign out" when the profile cannot load. The
 * menu's code loads when the user reaches for it, not with the page.
 */
export function UserMenu(props: UserMenuProps) {
  return <Deferred load={loadMenu} props={props} placeholder={(intent) => <UserMenuTrigger {...intent} />} />;
}
