// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { getSession, setSession } from '@/api/session';
import { jsonResponse, renderRoutes, stubFetch } from '@/test/render-with-router';
import { SignInPage } from './sign-in-page';

const tokens = {
  access_token: 'auth-1',
  ejento_access_token: 'platform-1',
  token_type: 'bearer',
  expires_in: 3600,
};

function stubServer(mode: string | undefined = 'sandbox') {
  return stubFetch((url, init) => {
    if (url.pathname === '/healthz') return jsonResponse(200, { status: 'ok', ...(mode ? { mode } : {}) });
    if (url.pathname === '/auth-service/api/v2/login/access-token') {
      const form = new URLSearchParams(init.body as string);
      return form.get('password') === 'sandbox'
        ? jsonResponse(200, { success: true, message: 'Signed in', data: tokens })
        : jsonResponse(401, { detail: 'Incorrect email or password' });
    }
    return jsonResponse(404, { detail: 'Not Found' });
  });
}

async function fill(user: ReturnType<typeof renderRoutes>['user'], input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}

function renderSignIn(at: string) {
  return renderRoutes(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { at },
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setSession(null);
});

describe('SignInPage', () => {
  it('says the e-mail and password do not match when the server refuses them without a reason', async () => {
    stubFetch((url) =>
      url.pathname === '/auth-service/api/v2/login/access-token'
        ? new Response('', { status: 401 })
        : jsonResponse(200, { status: 'ok', mode: 'sandbox' }),
    );
    const { user } = renderSignIn('/sign-in');
    await fill(user, screen.getByLabelText('E-mail'), 'admin@example.com');
    await fill(user, screen.getByLabelText('Password', { exact: true }), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That e-mail and password do not match an account.');
    expect(alert.textContent).not.toContain('expired');
  });

  it('says what the gateway said when it refuses the console’s key, not that the password is wrong', async () => {
    const refusal =
      'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';
    stubFetch((url) =>
      url.pathname === '/auth-service/api/v2/login/access-token'
        ? jsonResponse(401, { statusCode: 401, message: refusal })
        : jsonResponse(200, { status: 'ok', mode: 'tenant' }),
    );
    const { user } = renderSignIn('/sign-in');
    await fill(user, screen.getByLabelText('E-mail'), 'admin@example.com');
    await fill(user, screen.getByLabelText('Password', { exact: true }), 'right-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(refusal);
    expect(alert.textContent).not.toContain('do not match');
  });

  it('names its fields as a login form, for password managers to fill, and the browser tab', () => {
    stubServer();
    renderSignIn('/sign-in');
    expect(document.title).toBe('Sign in – Ejento · Staging & Publishing');
    const email = screen.getByLabelText<HTMLInputElement>('E-mail');
    const password = screen.getByLabelText<HTMLInputElement>('Password', { exact: true });
    expect([email.name, email.type, email.autocomplete]).toEqual(['username', 'email', 'username']);
    expect([password.name, password.type, password.autocomplete]).toEqual([
      'password',
      'password',
      'current-password',
    ]);
  });

  it('shows the server’s reason inline when the password is wrong, keeping what was typed', async () => {
    const calls = stubServer();
    const { user, router } = renderSignIn('/sign-in');
    await fill(user, screen.getByLabelText('E-mail'), 'admin@example.com');
    await fill(user, screen.getByLabelText('Password', { exact: true }), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Incorrect email or password');
    expect(screen.getByLabelText<HTMLInputElement>('E-mail').value).toBe('admin@example.com');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(getSession()).toBeNull();
    const login = calls.find((c) => c.url.pathname.endsWith('/login/access-token'))!;
    expect(new URLSearchParams(login.init.body as string).get('username')).toBe('admin@example.com');
  });

  it('asks for the e-mail address without calling the server when it is empty', async () => {
    const calls = stubServer();
    const { user } = renderSignIn('/sign-in');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your e-mail address')).toBeTruthy();
    expect(calls.some((c) => c.url.pathname.includes('login'))).toBe(false);
  });

  it('starts the session and goes back to the page it was sent from', async () => {
    stubServer();
    const { user, router } = renderSignIn('/sign-in?next=%2Fagents%2F5%2Freview%3Fmode%3Dsplit');
    await fill(user, screen.getByLabelText('E-mail'), 'editor@example.com');
    await fill(user, screen.getByLabelText('Password', { exact: true }), 'sandbox');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/agents/5/review'));
    expect(router.state.location.search).toBe('?mode=split');
    expect(getSession()).toMatchObject({ ejentoToken: 'platform-1', authToken: 'auth-1' });
  });

  it('does not hold the sign-in back while the profile cannot be read: the frame asks for it again', async () => {
    const calls = stubFetch((url, init) => {
      if (url.pathname === '/healthz') return jsonResponse(200, { status: 'ok', mode: 'sandbox' });
      if (url.pathname === '/auth-service/api/v2/login/access-token') {
        return new URLSearchParams(init.body as string).get('password') === 'sandbox'
          ? jsonResponse(200, { success: true, message: 'Signed in', data: tokens })
          : jsonResponse(401, { detail: 'Incorrect email or password' });
      }
      return jsonResponse(500, { detail: 'Internal Server Error' });
    });
    // Retries as the app's own client makes them (a second and third try, a second or more apart).
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: 2 }, mutations: { retry: false } },
    });
    const { user, router } = renderRoutes(
      [
        { path: '/sign-in', element: <SignInPage /> },
        { path: '*', element: <p>Elsewhere</p> },
      ],
      { at: '/sign-in?next=%2Fagents', queryClient },
    );
    await fill(user, screen.getByLabelText('E-mail'), 'editor@example.com');
    await fill(user, screen.getByLabelText('Password', { exact: true }), 'sandbox');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/agents'));
    expect(calls.filter((c) => c.url.pathname === '/api/v2/users/me')).toHaveLength(1);
  });

  it('says so and stays when the platform refuses the new session, instead of spinning for good', async () => {
    stubFetch((url) => {
      if (url.pathname === '/healthz') return jsonResponse(200, { status: 'ok', mode: 'tenant' });
      if (url.pathname === '/auth-service/api/v2/login/access-token')
        return jsonResponse(200, { success: true, message: 'Signed in', data: tokens });
      if (url.pathname.endsWith('/refresh-access-token'))
        return jsonResponse(200, { success: true, message: '', data: tokens });
      return jsonResponse(401, {
        success: false,
        message: 'Token not valid',
        error: { code: 'UNAUTHORIZED' },
      });
    });
    const { user, router } = renderSignIn('/sign-in?next=%2Fagents');
    await fill(user, screen.getByLabelText('E-mail'), 'editor@example.com');
    await fill(user, screen.getByLabelText('Password', { exact: true }), 'sandbox');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the Ejento platform refused the session');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(getSession()).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(false);
  });

  it('lands on the agent list when next points away from the console', async () => {
    stubServer();
    const { user, router } = renderSignIn('/sign-in?next=https%3A%2F%2Fevil.example%2F');
    await fill(user, screen.getByLabelText('E-mail'), 'editor@example.com');
    await fill(user, screen.getByLabelText('Password', { exact: true }), 'sandbox');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/agents'));
  });

  it('offers the demo sign-ins on the sandbox, and one click fills the form', async () => {
    stubServer('sandbox');
    const { user } = renderSignIn('/sign-in');
    await user.click(await screen.findByRole('button', { name: /Use viewer@example\.com/ }));
    expect(screen.getByLabelText<HTMLInputElement>('E-mail').value).toBe('viewer@example.com');
    expect(screen.getByLabelText<HTMLInputElement>('Password', { exact: true }).value).toBe('sandbox');
  });

  it('after a demo account is chosen with the keyboard, Enter signs in with it', async () => {
    const calls = stubServer();
    const { user, router } = renderSignIn('/sign-in?next=%2Fagents%2F3');
    const viewer = await screen.findByRole('button', { name: /Use viewer@example\.com/ });
    viewer.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('E-mail'));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/agents/3'));
    const login = calls.find((c) => c.url.pathname === '/auth-service/api/v2/login/access-token')!;
    expect(new URLSearchParams(login.init.body as string).get('username')).toBe('viewer@example.com');
  });

  it('lets the keyboard show the password: its button comes next in the tab order, and says if it is pressed', async () => {
    stubServer();
    const { user } = renderSignIn('/sign-in');
    const password = screen.getByLabelText<HTMLInputElement>('Password', { exact: true });
    await user.click(password);
    await user.keyboard('secret');
    await user.tab();
    const show = screen.getByRole('button', { name: 'Show password' });
    expect(document.activeElement).toBe(show);
    expect(show.getAttribute('aria-pressed')).toBe('false');
    await user.keyboard('{Enter}');
    expect(password.type).toBe('text');
    expect(show.getAttribute('aria-pressed')).toBe('true');
  });

  it('leaves the focus where it was when a demo account is tapped or clicked, so no phone keyboard opens', async () => {
    stubServer();
    const { user } = renderSignIn('/sign-in');
    await user.click(await screen.findByRole('button', { name: /Use viewer@example\.com/ }));
    expect(screen.getByLabelText<HTMLInputElement>('E-mail').value).toBe('viewer@example.com');
    expect(document.activeElement).not.toBe(screen.getByLabelText('E-mail'));
  });

  it('does not offer demo sign-ins when the server is a real tenant', async () => {
    const calls = stubServer('tenant');
    renderSignIn('/sign-in');
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/healthz')).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Sandbox sign-ins')).toBeNull();
  });

  it('says why the user is here after the session expired', () => {
    stubServer();
    renderRoutes([{ path: '/sign-in', element: <SignInPage /> }], {
      at: { pathname: '/sign-in', search: '?next=%2Fagents%2F3', state: { reason: 'expired' } },
    });
    expect(screen.getByText(/Your session has expired/)).toBeTruthy();
  });

  it('says nothing about expiry to someone who just opened the page', () => {
    stubServer();
    renderSignIn('/sign-in');
    expect(screen.queryByText(/Your session has expired/)).toBeNull();
  });
});
