// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toPublishRecord } from '@/api/adapter';
import { ApiError } from '@/api/api-error';
import { AGENT, newQueryClient, recordWire, renderAt } from './history-test-kit';
import { PublishTimeline } from './publish-timeline';

afterEach(cleanup);

// happy-dom lays nothing out: give elements a height so the virtual list has a viewport to fill.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

describe('PublishTimeline', () => {
  it('keeps the Retry of older publishes whole beside a long error, and retries on it', async () => {
    const fetchNextPage = vi.fn(() => Promise.resolve());
    const records = [3, 2].map((v) => toPublishRecord(recordWire(v)));
    const { view } = renderAt(
      <PublishTimeline
        agentId={AGENT}
        records={records}
        total={12}
        hasNextPage
        isFetchingNextPage={false}
        nextPageError={
          new ApiError({ status: 0, code: 'NETWORK', message: 'The server could not be reached.' })
        }
        fetchNextPage={fetchNextPage}
        selectedVersion={3}
        comparedVersions={[]}
        versionHref={(v) => `?version=${v}`}
        knownVersions={new Map()}
      />,
      newQueryClient(),
    );
    render(view);
    expect(await screen.findByText(/Could not load older publishes/)).toBeTruthy();
    const retry = screen.getByRole('button', { name: 'Retry' });
    // In a row that does not wrap, a button that may shrink is cut down to its first letters.
    expect(retry.style.flexShrink).toBe('0');
    await userEvent.click(retry);
    expect(fetchNextPage).toHaveBeenCalledTimes(1);
  });
});
