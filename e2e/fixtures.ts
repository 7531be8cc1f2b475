import { test as base, expect, type APIRequestContext, type Page, type Browser } from '@playwright/test';
import { E2E_FAULT_KEY } from '../playwright.config';

/**
 * The one fixtures module of the Playwright journeys. Every test seeds its own data through the
 * sandbox API (its own agent, named uniquely), so specs run in parallel without sharing state.
 */

export const USERS = {
  admin: 'admin@example.com',
  reviewer: 'reviewer@example.com',
  editor: 'editor@example.com',
  editor2: 'editor2@example.com',
  viewer: 'viewer@example.com',
} as const;
export type Role = keyof typeof USERS;
export const PASSWORD = 'sandbox';

export interface Tokens {
  access_token: string;
  ejento_access_token: string;
}

/** Signs in through the auth service, as the console does. */
export async function login(request: APIRequestContext, role: Role): Promise<Tokens> {
  const res = await request.post('/auth-service/api/v2/login/access-token', {
    form: { username: USERS[role], password: PASSWORD },
  });
  expect(res.status(), `sign-in as ${role}`).toBe(200);
  const body = (await res.json()) as { data: Tokens };
  return body.data;
}

/** A thin JSON client for seeding and checking the sandbox, signed in as one role. */
export class SandboxApi {
  constructor(
    readonly request: APIRequestContext,
    readonly tokens: Tokens,
  ) {}

  private headers(extra?: Record<string, string>) {
    return { Authorization: `Bearer ${this.tokens.ejento_access_token}`, ...extra };
  }

  async call<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    body: { success: boolean; data: T; message: string; error?: { code: string } };
  }> {
    const res = await this.request.fetch(path, {
      method,
      headers: this.headers(headers),
      data: body === undefined ? undefined : body,
    });
    const text = await res.text();
    return { status: res.status(), body: (text ? JSON.parse(text) : null) as never };
  }

  async ok<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) {
    const r = await this.call<T>(method, path, body);
    expect(r.status, `${method} ${path}: ${r.body?.message ?? ''}`).toBeLessThan(300);
    return r.body.data;
  }

  /** Creates an agent of this test's own (published as version 1 "Created"). */
  async createAgent(name: string, projectId?: number): Promise<{ id: number; agent_name: string }> {
    const project =
      projectId ?? (await this.ok<{ projects: { id: number }[] }>('GET', '/api/v2/projects')).projects[0]!.id;
    return this.ok('POST', '/api/v2/agents', { agent_name: name, project_id: project });
  }

  staging<T = Record<string, unknown>>(agentId: number) {
    return this.ok<T>('GET', `/api/v2/agents/${agentId}`);
  }

  production<T = Record<string, unknown>>(agentId: number) {
    return this.ok<T>('GET', `/api/v2/agents/${agentId}?environment=production`);
  }

  stagingDiff(agentId: number) {
    return this.ok<{
      has_changes: boolean;
      staging_fingerprint: string;
      sections: {
        key: string;
        changes: { path: string; label: string; change: string; before: unknown; after: unknown }[];
      }[];
    }>('GET', `/api/v2/agents/${agentId}/staging-diff`);
  }

  /** Turns the agent's first guardrail type the other way in staging; gives it back as it was. */
  async toggleFirstGuardrail(agentId: number): Promise<GuardrailType> {
    const base = `/api/v2/agents/${agentId}`;
    const { guardrail_types } = await this.ok<{ guardrail_types: GuardrailType[] }>(
      'GET',
      `${base}/guardrails`,
    );
    const guardrail = guardrail_types[0]!;
    await this.ok('PATCH', `${base}/guardrails`, {
      guardrail_type: guardrail.type,
      enabled: !guardrail.enabled,
    });
    return guardrail;
  }

  publish(agentId: number, note: string) {
    return this.ok<{ change_track_id: number; version: number }>(
      'POST',
      `/api/v2/agents/${agentId}/publish`,
      { note },
    );
  }
}

export interface GuardrailType {
  type: string;
  name: string;
  enabled: boolean;
}

/** A unique, readable name per test, so parallel tests never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** Opens a page already signed in as `role` (tokens placed where the app keeps them). */
export async function pageAs(browser: Browser, request: APIRequestContext, role: Role): Promise<Page> {
  const tokens = await login(request, role);
  const context = await browser.newContext();
  await context.addInitScript((t: Tokens) => {
    // Only once per tab: signing out later in the test must stay signed out.
    if (!window.sessionStorage.getItem('e2e.seeded')) {
      window.sessionStorage.setItem('e2e.seeded', '1');
      window.sessionStorage.setItem(
        'ejento.session',
        JSON.stringify({ ejentoToken: t.ejento_access_token, authToken: t.access_token }),
      );
    }
  }, tokens);
  return context.newPage();
}

/** A rule of the sandbox's test-only fault injection (server/http/faults.ts). */
export interface FaultRule {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A regular expression tested against the request path; scope it to the test's own agent. */
  path: string;
  /** A regular expression the Authorization header must match too (a token singles out one session). */
  authorization?: string;
  mode: 'status500' | 'status401' | 'stall' | 'drop' | 'after-commit-drop';
  times?: number;
  stall_ms?: number;
}

export class Faults {
  private ids: number[] = [];
  constructor(private readonly request: APIRequestContext) {}

  /** Makes the next matching request(s) fail as the rule says. */
  async add(rule: FaultRule): Promise<void> {
    const res = await this.request.post('/__faults', {
      headers: { 'X-Sandbox-Fault-Key': E2E_FAULT_KEY },
      data: rule,
    });
    expect(res.status(), `fault rule ${JSON.stringify(rule)}: ${await res.text()}`).toBe(201);
    this.ids.push(((await res.json()) as { id: number }).id);
  }

  /** Removes this test's rules that have not fired yet. */
  async clear(): Promise<void> {
    const ids = this.ids.splice(0);
    await Promise.all(
      ids.map((id) =>
        this.request.delete(`/__faults/${id}`, { headers: { 'X-Sandbox-Fault-Key': E2E_FAULT_KEY } }),
      ),
    );
  }
}

type Fixtures = {
  /** API clients per role, for seeding and for checking what the sandbox holds. */
  api: (role: Role) => Promise<SandboxApi>;
  /** A fresh page signed in as the role, in its own browser context. */
  signedIn: (role: Role) => Promise<Page>;
  /** Test-only fault injection on the sandbox; the test's rules are removed when it ends. */
  faults: Faults;
};

export const test = base.extend<Fixtures>({
  api: async ({ request }, use) => {
    const cache = new Map<Role, SandboxApi>();
    await use(async (role) => {
      let client = cache.get(role);
      if (!client) {
        client = new SandboxApi(request, await login(request, role));
        cache.set(role, client);
      }
      return client;
    });
  },
  signedIn: async ({ browser, request }, use) => {
    const pages: Page[] = [];
    await use(async (role) => {
      const page = await pageAs(browser, request, role);
      pages.push(page);
      return page;
    });
    await Promise.all(pages.map((p) => p.context().close()));
  },
  faults: async ({ request }, use) => {
    const faults = new Faults(request);
    await use(faults);
    await faults.clear();
  },
});

export { expect };
