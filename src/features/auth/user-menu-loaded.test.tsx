// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { authQueries } from '@/api/auth/queries';
import { renderAt, testQueryClient } from '@/test/render-with-router';
import { UserMenuLoaded } from './user-menu-loaded';

afterEach(cleanup);

function renderMenu() {
  const queryClient = testQueryClient();
  queryClient.setQueryData(authQueries.me().queryKey, {
    id: 1,
    email: 'admin@example.com',
    first_name: 'Amara',
    last_name: 'Okafor',
    name: 'Amara Okafor',
    is_staff: false,
    is_superuser: false,
  });
  return renderAt(
    '/agents',
    <UserMenuLoaded onSignOut={vi.fn()} openOnMount={false} focusOnMount={false} pressInProgress={false} />,
    { queryClient },
  );
}

describe('the account menu', () => {
  it('holds nothing but its items that can take the focus', async () => {
    const { user } = renderMenu();
    await user.click(screen.getByRole('button', { name: /account menu/ }));
    // Found by its text: happy-dom leaves the dropdown's opening transition unfinished.
    const signOut = (await screen.findByText('Sign out')).closest('[role="menuitem"]');
    const menu = signOut!.closest('[role="menu"]')!;
    // A role="menu" may only own menu items: anything else with a tabindex breaks that (axe's
    // aria-required-children) and is a stop a screen reader cannot name.
    const focusable = [...menu.querySelectorAll('[tabindex]')].filter(
      (el) => el.getAttribute('role') !== 'menuitem',
    );
    expect(focusable).toEqual([]);
  });
});
