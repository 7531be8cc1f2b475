import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentSummaryWire } from '@/test/agent-fixtures';
import { jsonResponse, stubFetch, testQueryClient } from '@/test/render-with-router';
import { sameNameQuery } from './same-name';

const listed = (id: number, agent_name: string) =>
  agentSummaryWire({ id, agent_name, domain: 'Mentions hr somewhere' });

afterEach(() => vi.unstubAllGlobals());

describe('sameNameQuery', () => {
  it('reads on through the pages of the search until it has seen every agent of that name', async () => {
    const calls = stubFetch((url) => {
      const page = Number(url.searchParams.get('page'));
      const agents =
        page < 3
          ? [listed(page * 10, `A${page} through hr`), listed(page * 10 + 1, `Shr ${page}`)]
          : [listed(99, 'hr')];
      return jsonResponse(200, {
        success: true,
        data: { agents, total_records: 5, current_page: page, total_pages: 3 },
      });
    });
    const found = await testQueryClient().fetchQuery(sameNameQuery(103, 'HR'));
    expect(found.map((a) => a.id)).toEqual([99]);
    expect(calls.map((c) => c.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(calls[0]!.url.searchParams.get('project_id')).toBe('103');
  });

  it('stops after the last page, and at most after ten', async () => {
    const calls = stubFetch((url) =>
      jsonResponse(200, {
        success: true,
        data: {
          agents: [listed(1, 'Other')],
          total_records: 5000,
          current_page: Number(url.searchParams.get('page')),
          total_pages: 50,
        },
      }),
    );
    expect(await testQueryClient().fetchQuery(sameNameQuery(103, 'HR'))).toEqual([]);
    expect(calls).toHaveLength(10);
  });
});
