/**
 * A bounded load test of the production server with the sandbox, on loopback: autocannon mixes
 * reads (agent, staging diff, history, list) with If-Match-free edits for about a minute, then
 * checks that nothing failed and no edit was lost. It passes or fails on correctness only, never
 * on speed; the numbers it prints are for reading.
 *
 *   npm run test:load                 # 60 s, 20 connections
 *   LOAD_SECONDS=10 npm run test:load # a quick run
 *
 * How lost edits are caught: every edit writes a value never written before, and its answer
 * carries the staging revision it created. Revisions are given in commit order, so for each
 * (agent, field) the acknowledged edit with the highest revision is what staging must hold at the
 * end; and each agent's revision must have moved by exactly its number of acknowledged edits.
 * Edits still in flight when autocannon stops are never answered: each may or may not have been
 * applied, and the checks allow exactly that.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of autocannon's programmatic API used here (the package ships no types). */
interface RequestContext {
  /** The edit this connection has in flight (the context lives for one pass over `requests`). */
  pending?: { n: number; agentId: number; field: string; value: string };
}
interface RequestSpec {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: RequestSpec, context: RequestContext) => RequestSpec;
  onResponse?: (status: number, body: string, context: RequestContext) => void;
}
interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  initialContext: RequestContext;
  requests: RequestSpec[];
}
interface LoadResult {
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: { average: number };
  latency: { p50: number; p99: number };
}
const runLoad = autocannon as unknown as (options: LoadOptions) => Promise<LoadResult>;

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 20);
const AGENTS = 6;
const FIELDS = ['sample_q1', 'sample_q2', 'sample_q3', 'domain', 'prefix_prompt'] as const;
const EDITORS = ['editor@example.com', 'editor2@example.com', 'admin@example.com'];

interface Acknowledged {
  value: string;
  revision: number;
}

/** Starts `node server/main.ts` on an ephemeral loopback port with its own sandbox database. */
async function startServer(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'console-load-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SANDBOX_DB: join(dir, 'sandbox.db'),
      SANDBOX_FAULTS: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Ejento staging console: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`The server exited (${code}) before listening:\n${out}`)));
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/auth-service/api/v2/login/access-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: email, password: 'sandbox' }).toString(),
  });
  if (!response.ok) throw new Error(`Signing in as ${email} failed: ${response.status}`);
  return ((await response.json()) as { data: { ejento_access_token: string } }).data.ejento_access_token;
}

async function api<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

async function main() {
  const server = await startServer();
  let failed = false;
  try {
    const admin = await signIn(server.url, 'admin@example.com');
    const viewer = await signIn(server.url, 'viewer@example.com');
    const editorTokens = await Promise.all(EDITORS.map((e) => signIn(server.url, e)));
    const agentIds: number[] = [];
    for (let i = 0; i < AGENTS; i++) {
      const agent = await api<{ id: number }>(server.url, admin, 'POST', '/api/v2/agents', {
        agent_name: `Load ${i}`,
        project_id: 101,
      });
      agentIds.push(agent.id);
    }
    const revisionOf = async (id: number) =>
      (await api<{ staging_revision: number }>(server.url, viewer, 'GET', `/api/v2/agents/${id}`))
        .staging_revision;
    const startRevisions = new Map(
      await Promise.all(agentIds.map(async (id) => [id, await revisionOf(id)] as const)),
    );

    /** Per "agent:field", the acknowledged edit with the highest revision; per agent, how many were acknowledged. */
    const latest = new Map<string, Acknowledged>();
    const acknowledgedPerAgent = new Map<number, number>(agentIds.map((id) => [id, 0]));
    /** Edits sent and not answered yet: at the end, those autocannon stopped waiting for. */
    const inFlight = new Map<number, { agentId: number; field: string; value: string }>();
    let counter = 0;
    let reads = 0;
    const read = (path: (agentId: number) => string): RequestSpec => ({
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: path(agentIds[reads++ % AGENTS]!),
        headers: { authorization: `Bearer ${viewer}` },
      }),
    });

    console.log(
      `Load: ${CONNECTIONS} connections for ${SECONDS} s against ${server.url} (edits 1 in 5 requests)`,
    );
    const result = await runLoad({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 20,
      initialContext: {},
      requests: [
        {
          method: 'PUT',
          setupRequest: (request, context) => {
            const n = ++counter;
            const agentId = agentIds[n % AGENTS]!;
            const field = FIELDS[Math.floor(n / AGENTS) % FIELDS.length]!;
            const value = `Edit ${n}`;
            context.pending = { n, agentId, field, value };
            inFlight.set(n, { agentId, field, value });
            return {
              ...request,
              path: `/api/v2/agents/${agentId}`,
              headers: {
                authorization: `Bearer ${editorTokens[n % editorTokens.length]!}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({ [field]: value }),
            };
          },
          onResponse: (status, body, context) => {
            const edit = context.pending;
            if (edit) inFlight.delete(edit.n);
            if (status !== 200 || !edit) return;
            const answer = JSON.parse(body) as {
              data: Record<string, unknown> & { staging_revision: number };
            };
            if (answer.data[edit.field] !== edit.value)
              throw new Error(
                `The answer to ${JSON.stringify(edit)} holds ${String(answer.data[edit.field])}`,
              );
            acknowledgedPerAgent.set(edit.agentId, acknowledgedPerAgent.get(edit.agentId)! + 1);
            const key = `${edit.agentId}:${edit.field}`;
            const revision = answer.data.staging_revision;
            if ((latest.get(key)?.revision ?? -1) < revision)
              latest.set(key, { value: edit.value, revision });
          },
        },
        read((id) => `/api/v2/agents/${id}`),
        read((id) => `/api/v2/agents/${id}/staging-diff`),
        read((id) => `/api/v2/agents/${id}/publishes?items_per_page=20`),
        read(() => '/api/v2/agents?items_per_page=20'),
      ],
    });

    const acknowledged = [...acknowledgedPerAgent.values()].reduce((a, b) => a + b, 0);
    console.log(
      `Requests: ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; ` +
        `${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    console.log(
      `Edits acknowledged: ${acknowledged} (${inFlight.size} still in flight when the run stopped)`,
    );
    if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
      console.error('FAIL: requests failed under load');
      failed = true;
    }

    // Every acknowledged edit is in staging: the latest per field, and one revision per edit.
    const lost: string[] = [];
    for (const id of agentIds) {
      const staging = await api<Record<string, unknown> & { staging_revision: number }>(
        server.url,
        viewer,
        'GET',
        `/api/v2/agents/${id}`,
      );
      for (const field of FIELDS) {
        const expected = latest.get(`${id}:${field}`);
        const unanswered = [...inFlight.values()].some(
          (e) => e.agentId === id && e.field === field && e.value === staging[field],
        );
        if (expected && staging[field] !== expected.value && !unanswered) {
          lost.push(
            `agent ${id} ${field}: staging holds "${String(staging[field])}", the latest acknowledged edit wrote "${expected.value}"`,
          );
        }
      }
      const edits = acknowledgedPerAgent.get(id)!;
      const unanswered = [...inFlight.values()].filter((e) => e.agentId === id).length;
      const moved = staging.staging_revision - startRevisions.get(id)!;
      if (moved < edits || moved > edits + unanswered) {
        lost.push(
          `agent ${id}: ${edits} edits acknowledged (${unanswered} unanswered) but the staging revision moved by ${moved}`,
        );
      }
    }
    if (acknowledged === 0) lost.push('no edit was acknowledged at all');
    if (lost.length > 0) {
      console.error(`FAIL: lost or phantom edits:\n  ${lost.join('\n  ')}`);
      failed = true;
    } else {
      console.log('Every acknowledged edit is in staging.');
    }
  } finally {
    server.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
