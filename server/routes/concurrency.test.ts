import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { agentDetailWireSchema, publishListWireSchema, stagingDiffSchema } from '../../contract';
import { createHarness, dataOf, type Harness } from '../testing/harness';

/**
 * Requests that arrive together, over a real loopback socket, so they interleave wherever the
 * server awaits (reading bodies, middleware) rather than one after the other.
 */

const servers: ServerType[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(h: Harness) {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (
    email: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await h.tokenFor(email)}`,
        'Content-Type': 'application/json',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
  };
}

describe('concurrent requests', () => {
  it('records exactly one publish when two reviewers publish the same fingerprint at once', async () => {
    const h = createHarness();
    const send = await listen(h);
    for (let round = 0; round < 5; round++) {
      const id = await h.createAgent({ agent_name: `Race ${round}` });
      await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: `Round ${round}` });
      const { staging_fingerprint } = dataOf(
        await h.as('reviewer').get(`/api/v2/agents/${id}/staging-diff`),
        stagingDiffSchema,
      );
      const body = { note: 'Same review', expected_fingerprint: staging_fingerprint };

      const results = await Promise.all([
        send('reviewer@example.com', 'POST', `/api/v2/agents/${id}/publish`, body),
        send('admin@example.com', 'POST', `/api/v2/agents/${id}/publish`, body),
      ]);

      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.error?.code).toBe('NOTHING_TO_PUBLISH');
      const history = dataOf(
        await h.as('viewer').get(`/api/v2/agents/${id}/publishes`),
        publishListWireSchema,
      );
      expect(history.total_records).toBe(2);
      expect(history.publish_records.map((r) => r.version)).toEqual([2, 1]);
    }
  });

  it('keeps every save when many editors save different sections of one agent at once', async () => {
    const h = createHarness();
    const send = await listen(h);
    const id = await h.createAgent();
    const editors = ['editor@example.com', 'editor2@example.com', 'admin@example.com'];
    const agent = `/api/v2/agents/${id}`;
    const saves: [string, string, unknown][] = [
      ['PUT', agent, { sample_q1: 'First question' }],
      ['PUT', agent, { sample_q2: 'Second question' }],
      ['PUT', agent, { sample_q3: 'Third question' }],
      ['PUT', agent, { domain: 'Benefits, leave and payroll' }],
      ['PUT', agent, { prefix_prompt: 'Answer in two sentences.' }],
      ['PUT', `${agent}/access`, { access: 'Public' }],
      ['POST', `${agent}/annotates`, { add: ['hr'] }],
      ['POST', `${agent}/annotates`, { add: ['payroll'] }],
      ['POST', `${agent}/tools/5/enable`, undefined],
      ['POST', `${agent}/tools/6/enable`, undefined],
      ['POST', `${agent}/corpora/1227`, undefined],
      ['PATCH', `${agent}/guardrails`, { guardrail_type: 'toxicity', enabled: true }],
      ['POST', `${agent}/sharepoint/folder`, { folder_url: 'https://northwind.sharepoint.com/sites/hr' }],
      ...Array.from({ length: 12 }, (_, i): [string, string, unknown] => [
        'POST',
        `${agent}/instructions`,
        { instruction: `Rule ${i}` },
      ]),
    ];

    const results = await Promise.all(
      saves.map(([method, path, body], i) => send(editors[i % editors.length]!, method, path, body)),
    );

    expect(results.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const staging = dataOf(await h.as('viewer').get(agent), agentDetailWireSchema);
    expect(staging).toMatchObject({
      sample_q1: 'First question',
      sample_q2: 'Second question',
      sample_q3: 'Third question',
      domain: 'Benefits, leave and payroll',
      prefix_prompt: 'Answer in two sentences.',
      access: 'Public',
      knowledge_sources: { sharepoint_folder: { folder_url: 'https://northwind.sharepoint.com/sites/hr' } },
    });
    expect([...staging.tags].sort()).toEqual(['hr', 'payroll']);
    expect(staging.tools.map((t) => t.tool.id).sort()).toEqual([5, 6]);
    expect(staging.knowledge_sources.corpora.map((c) => c.corpus.id)).toEqual([1227]);
    expect(staging.guardrails.find((g) => g.type === 'toxicity')?.enabled).toBe(true);
    expect(staging.instructions.map((i) => i.instruction).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `Rule ${i}`).sort(),
    );
    expect(staging.staging_revision).toBeGreaterThanOrEqual(saves.length);
  });

  it('lets editors who send If-Match and merge on 412 keep every save', async () => {
    const h = createHarness();
    const send = await listen(h);
    const id = await h.createAgent();
    const agent = `/api/v2/agents/${id}`;
    const { staging_revision } = dataOf(await h.as('viewer').get(agent), agentDetailWireSchema);
    const fields = ['sample_q1', 'sample_q2', 'sample_q3', 'domain', 'prefix_prompt'] as const;

    // Each editor loaded the same revision; on 412 it takes the current revision (its field was
    // not touched by the others) and saves again, as the editor's conflict panel lets a user do.
    const outcomes = await Promise.all(
      fields.map(async (field, i) => {
        let revision = staging_revision;
        for (let attempt = 0; attempt < fields.length + 1; attempt++) {
          const r = await send(
            i % 2 ? 'editor2@example.com' : 'editor@example.com',
            'PUT',
            agent,
            { [field]: `Saved ${field}` },
            { 'If-Match': `"${revision}"` },
          );
          if (r.status === 200) return attempt;
          expect(r.status).toBe(412);
          revision = (r.body as unknown as { error: { details: { current_revision: number } } }).error.details
            .current_revision;
        }
        throw new Error(`${field} never saved`);
      }),
    );

    expect(outcomes.some((attempts) => attempts > 0)).toBe(true);
    const staging = dataOf(await h.as('viewer').get(agent), agentDetailWireSchema);
    for (const field of fields) expect(staging[field]).toBe(`Saved ${field}`);
  });
});
