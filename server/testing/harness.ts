import { expect } from 'vitest';
import { z } from 'zod';
import {
  agentDetailWireSchema,
  envelopeSchema,
  errorEnvelopeSchema,
  tokenPairSchema,
  type AgentConfig,
  type AgentDetailWire,
  type ErrorEnvelope,
} from '../../contract';
import { createApp } from '../app';
import type { ServerConfig } from '../config';
import { openDatabase } from '../db/database';
import { seedCatalogue } from '../seed/catalogue';

export interface Sent {
  token?: string | null;
  body?: unknown;
  /** A body sent as is, not JSON-encoded. */
  raw?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface Received {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * The data of a success envelope, parsed with the contract schema: every test that reads a
 * response also checks it against the wire contract.
 */
export function dataOf<S extends z.ZodType>(response: Received, schema: S): z.output<S> {
  const parsed = envelopeSchema(schema).safeParse(response.body);
  if (!parsed.success) {
    throw new Error(
      `Response ${response.status} does not match the contract: ${z.prettifyError(parsed.error)}\n${JSON.stringify(response.body).slice(0, 2000)}`,
    );
  }
  return (parsed.data as { data: z.output<S> }).data;
}

/** The error envelope of a failed call. */
export function errorOf(response: Received): ErrorEnvelope {
  return errorEnvelopeSchema.parse(response.body);
}

/** A sandbox on a fresh in-memory database with the catalogue and users, driven without a port. */
export function createHarness(config: Partial<ServerConfig> = {}) {
  const db = openDatabase(':memory:');
  seedCatalogue(db);
  const app = createApp({ db, config });
  const tokens = new Map<string, string>();

  async function call(method: string, path: string, sent: Sent = {}): Promise<Received> {
    const headers: Record<string, string> = { ...sent.headers };
    if (sent.token) headers.Authorization = `Bearer ${sent.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined = sent.raw;
    if (sent.body !== undefined) {
      body = JSON.stringify(sent.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? null : (JSON.parse(text) as unknown),
    };
  }

  async function login(email: string, password = 'sandbox') {
    return app.request('/auth-service/api/v2/login/access-token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: email, password }).toString(),
    });
  }

  /** The platform token of a demo user, signing in once per harness. */
  async function tokenFor(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const response = await login(email);
    const pair = envelopeSchema(tokenPairSchema).parse(await response.json()).data;
    tokens.set(email, pair.ejento_access_token);
    return pair.ejento_access_token;
  }

  /** Calls as a demo user: `as('admin')` is admin@example.com. */
  function as(user: 'admin' | 'reviewer' | 'editor' | 'editor2' | 'viewer') {
    const email = `${user}@example.com`;
    const send = async (method: string, path: string, sent: Omit<Sent, 'token'> = {}) =>
      call(method, path, { ...sent, token: await tokenFor(email) });
    return {
      get: (path: string, sent?: Omit<Sent, 'token'>) => send('GET', path, sent),
      post: (path: string, body?: unknown, sent?: Omit<Sent, 'token'>) =>
        send('POST', path, { ...sent, body }),
      put: (path: string, body?: unknown, sent?: Omit<Sent, 'token'>) => send('PUT', path, { ...sent, body }),
      patch: (path: string, body?: unknown, sent?: Omit<Sent, 'token'>) =>
        send('PATCH', path, { ...sent, body }),
      delete: (path: string, body?: unknown, sent?: Omit<Sent, 'token'>) =>
        send('DELETE', path, { ...sent, body }),
      send,
    };
  }

  /** A new agent (published as version 1) with a couple of things to edit. */
  async function createAgent(overrides: Record<string, unknown> = {}): Promise<number> {
    const response = await as('admin').post('/api/v2/agents', {
      agent_name: 'Benefits Navigator',
      project_id: 103,
      domain: 'Answers questions about employee benefits',
      prefix_prompt: 'You are Northwind Health’s benefits assistant.',
      ...overrides,
    });
    if (response.status !== 201)
      throw new Error(`Creating an agent failed: ${JSON.stringify(response.body)}`);
    return dataOf(response, agentDetailWireSchema).id;
  }

  return { app, db, call, login, tokenFor, as, createAgent };
}
export type Harness = ReturnType<typeof createHarness>;

/** Asymmetric matchers typed as `unknown`, so they sit in expected objects without `any`. */
export const anyString: unknown = expect.any(String);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

/** The agent settings an agent read shows flat, beside its other parts. */
const SETTINGS_KEYS = [
  'agent_name',
  'domain',
  'prefix_prompt',
  'sample_q1',
  'sample_q2',
  'sample_q3',
  'agent_type',
  'llm_config',
  'reasoning_mode',
  'caching_enabled',
  'react_enabled',
  'react_max_iteration_count',
  'character_voice',
  'access',
  'tags',
] as const;

/** The configuration an agent read shows, in the shape of a publish snapshot. */
export function configOf(agent: AgentDetailWire): AgentConfig {
  return {
    agent_settings: Object.fromEntries(
      SETTINGS_KEYS.map((k) => [k, agent[k]]),
    ) as AgentConfig['agent_settings'],
    instructions: agent.instructions,
    knowledge_sources: agent.knowledge_sources,
    tools: agent.tools,
    guardrails: agent.guardrails,
  };
}
