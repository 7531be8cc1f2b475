import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentConfig } from '@contract';
import { ApiError } from '../api-error';
import { EditRunError, runEdits, staleRevisionOf, type EditOp, type EditPlanner } from './edits';

const config: AgentConfig = {
  agent_settings: {
    agent_name: 'A',
    domain: '',
    prefix_prompt: '',
    sample_q1: '',
    sample_q2: '',
    sample_q3: '',
    agent_type: null,
    llm_config: null,
    reasoning_mode: 'off',
    caching_enabled: false,
    react_enabled: false,
    react_max_iteration_count: 5,
    character_voice: null,
    access: 'Public',
    tags: [],
  },
  instructions: [],
  knowledge_sources: { corpora: [], sharepoint_folder: null },
  tools: [],
  guardrails: [
    { type: 'pii', name: 'PII', enabled: false },
    { type: 'toxicity', name: 'Toxicity', enabled: false },
  ],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A guardrails endpoint that answers with the revision after the one it was sent. */
function stubGuardrails(failOn?: number) {
  const sent: { ifMatch: string | undefined; body: unknown }[] = [];
  let guardrails = structuredClone(config.guardrails);
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      const body = JSON.parse(init.body as string) as { guardrail_type: string; enabled: boolean };
      sent.push({ ifMatch: headers['If-Match'], body });
      if (sent.length === failOn) {
        return Promise.resolve(
          json(500, { success: false, message: 'Boom', error: { code: 'INTERNAL_ERROR' } }),
        );
      }
      guardrails = guardrails.map((g) =>
        g.type === body.guardrail_type ? { ...g, enabled: body.enabled } : g,
      );
      const revision = Number(headers['If-Match']!.replace(/"/g, '')) + 1;
      return Promise.resolve(
        json(200, {
          success: true,
          message: 'OK',
          data: { guardrails, staging_revision: revision, has_unpublished_changes: true },
        }),
      );
    }),
  );
  return sent;
}

/** Turns on every guardrail that is off, one edit at a time. */
const allOn: EditPlanner = {
  next: (c) => {
    const off = c.guardrails.find((g) => !g.enabled);
    return off ? { kind: 'guardrail', guardrailType: off.type, enabled: true } : null;
  },
};

afterEach(() => vi.unstubAllGlobals());

describe('runEdits', () => {
  it('sends each edit over the revision the previous one returned, and asks the planner again after each', async () => {
    const sent = stubGuardrails();
    const outcome = await runEdits(7, { config, revision: 4, planner: allOn });
    expect(sent.map((s) => s.ifMatch)).toEqual(['"4"', '"5"']);
    expect(outcome.applied).toBe(2);
    expect(outcome.revision).toBe(6);
    expect(outcome.config.guardrails.every((g) => g.enabled)).toBe(true);
  });

  it('fails part-way with what was applied, the revision reached and the edit that failed', async () => {
    stubGuardrails(2);
    const error = await runEdits(7, { config, revision: 4, planner: allOn }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditRunError);
    const e = error as EditRunError;
    expect(e.applied).toBe(1);
    expect(e.revision).toBe(5);
    expect(e.config.guardrails.map((g) => g.enabled)).toEqual([true, false]);
    expect(e.failedOp).toEqual({ kind: 'guardrail', guardrailType: 'toxicity', enabled: true });
    expect((e.cause as ApiError).status).toBe(500);
  });

  it('stops a plan that asks twice for an edit the server did not make', async () => {
    stubGuardrails();
    const stubborn: EditPlanner = {
      next: (): EditOp => ({ kind: 'guardrail', guardrailType: 'nope', enabled: true }),
    };
    const error = await runEdits(7, { config, revision: 1, planner: stubborn }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditRunError);
    expect((error as EditRunError).applied).toBe(1);
    expect((error as EditRunError).message).toMatch(/did not take this change/);
  });
});

describe('staleRevisionOf', () => {
  it('reads who changed staging from a 412, also inside a failed run', () => {
    const details = {
      current_revision: 9,
      modified_by: 'b@example.com',
      modified_on: '2026-01-01T00:00:00Z',
      current: [],
    };
    const e = new ApiError({ status: 412, code: 'PRECONDITION_FAILED', message: 'Stale', details });
    expect(staleRevisionOf(e)).toEqual(details);
    const run = new EditRunError({
      cause: e,
      applied: 0,
      revision: 4,
      config,
      failedOp: { kind: 'remove-sharepoint' },
    });
    expect(staleRevisionOf(run)?.modified_by).toBe('b@example.com');
    expect(
      staleRevisionOf(new ApiError({ status: 409, code: 'CONFLICT', message: 'x', details })),
    ).toBeNull();
  });
});
