import {
  AppShell,
  Anchor,
  Button,
  Container,
  Group,
  MantineThemeProvider,
  Text,
  type MantineThemeOverride,
} from '@mantine/core';
import { memo, useCallback, useEffect, useRef } from 'react';
import {
  Link,
  NavigationType,
  NavLink,
  Outlet,
  useLocation,
  useNavigate,
  useNavigation,
  useNavigationType,
  useRouteError,
} from 'react-router';
import { errorMessage } from '@/api/api-error';
import { focusIsLost, linkBackTo } from '@/lib/focus';
import { asSentence } from '@/lib/sentence';
import { ColorSchemeMenu } from '@/components/color-scheme-menu';
import { NavigationProgress } from '@/components/navigation-progress';
import { PageError } from '@/components/page-error';
import { usePageTitle } from '@/components/use-page-title';
import { UserMenu } from '@/features/auth/user-menu';
import type { SignInLocationState } from '@/features/auth/sign-in-page';
import classes from './shell.module.css';

function ShellFrame({ children }: { children: React.ReactNode }) {
  const navigate = useNavigate();

  // The sign-in route ends the session once the screens that read the cache are gone, and only if
  // the user really leaves (a leave prompt may keep them here).
  const handleSignOut = useCallback(() => {
    const state: SignInLocationState = { reason: 'signed-out' };
    void navigate('/sign-in', { replace: true, state });
  }, [navigate]);

  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <RouteProgress />
      <FocusAfterNavigation />
      <a href="#main-content" className={classes.skipLink}>
        Skip to content
      </a>
      <ShellHeader onSignOut={handleSignOut} />
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * A link that took the person to another page is gone with the page it was on, and the focus
 * with it, to the document's body: the next Tab would start again from the top of the page. The
 * new page's heading gets the focus instead (or its main content, without one), so a screen
 * reader announces where they are and Tab goes on from there. Back (or Forward) to a page with a
 * link to where the person just was (an agent's row on the list) puts the focus on that link, so
 * they go on from where they left, as a browser does for a page it loads itself. Where the focus
 * survived (the agent's tabs, say, which stay on screen), it is left alone.
 */
function FocusAfterNavigation() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const from = previous.current;
    previous.current = pathname;
    if (from === null || from === pathname) return;
    const frame = requestAnimationFrame(() => {
      if (!focusIsLost()) return;
      const main = document.getElementById('main-content');
      const back = navigationType === NavigationType.Pop ? linkBackTo(main, from, pathname) : null;
      if (back) {
        back.focus({ preventScroll: true });
        return;
      }
      const heading = main?.querySelector<HTMLElement>('h1');
      if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      (heading ?? main)?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname, navigationType]);
  return null;
}

/** The bar along the top while the router loads the next page; only it follows the router's state. */
function RouteProgress() {
  const navigation = useNavigation();
  return <NavigationProgress active={navigation.state !== 'idle'} />;
}

const HEADER_ID = 'console-header';

/**
 * The header's menus and tooltips open inside the header, not at the end of the body: there they
 * were in no landmark (axe's "region"), and a screen reader going by landmarks did not find them.
 * The header's stacking level is above the page's and under toasts' and dialogs'.
 */
const headerLayers: MantineThemeOverride = {
  components: { Portal: { defaultProps: { target: `#${HEADER_ID}` } } },
};

/**
 * The brand, the main navigation and the user's menus: the same on every page, so neither a
 * navigation's loading state nor its arrival renders them again.
 */
const ShellHeader = memo(function ShellHeader({ onSignOut }: { onSignOut: () => void }) {
  return (
    <AppShell.Header id={HEADER_ID}>
      <MantineThemeProvider theme={headerLayers}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="lg" wrap="nowrap" miw={0}>
            <Anchor component={Link} to="/agents" underline="never" c="inherit" className={classes.brand}>
              <Text component="span" fw={700}>
                Ejento
              </Text>
              <Text component="span" c="dimmed" fw={500} visibleFrom="sm">
                {'\u00a0· Staging & Publishing'}
              </Text>
            </Anchor>
            <nav aria-label="Main">
              <Group gap={4} wrap="nowrap">
                <NavLink to="/agents" className={classes.navLink}>
                  Agents
                </NavLink>
              </Group>
            </nav>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ColorSchemeMenu />
            <UserMenu onSignOut={onSignOut} />
          </Group>
        </Group>
      </MantineThemeProvider>
    </AppShell.Header>
  );
});

export function Component() {
  return (
    <ShellFrame>
      <Outlet />
    </ShellFrame>
  );
}

/**
 * A screen's code that could not be fetched: the browser's words for it ("Unable to preload CSS
 * for http://…/agent-DPB1FlY9.css") mean nothing to the person reading them.
 */
function isCodeLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Unable to preload CSS|Importing a module script failed/i.test(error.message)
  );
}

function shellErrorMessage(error: unknown): string {
  const what = isCodeLoadError(error)
    ? 'Part of the console could not be downloaded: the server may be out of reach, or a new version of the console was just put live.'
    : errorMessage(error);
  return `${asSentence(what)} Reloading usually helps; your unsaved drafts are kept in this tab.`;
}

/** Last resort for anything a screen did not catch itself, such as a stale code chunk after a deploy. */
export function ErrorBoundary() {
  const error = useRouteError();
  usePageTitle('This page could not be shown');
  return (
    <ShellFrame>
      <Container size="md">
        <PageError title="This page could not be shown" message={shellErrorMessage(error)} headingOrder={1}>
          <Button variant="default" onClick={() => window.location.reload()}>
            Reload
          </Button>
          <Button component={Link} to="/agents" variant="subtle">
            Go to agents
          </Button>
        </PageError>
      </Container>
    </ShellFrame>
  );
}
