// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiffSection } from '@/api/adapter';
import { sectionSignature } from '@/lib/viewed-marks';

/** A stand-in for both of the review's workers: it keeps what it was sent, and answers when told. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly url: string;
  readonly sent: { id?: number }[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(url: URL | string) {
    this.url = String(url);
    FakeWorker.made.push(this);
  }
  postMessage(message: { id?: number }) {
    this.sent.push(message);
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
  terminate() {}
}

const workerOf = (name: string) => FakeWorker.made.find((w) => w.url.includes(name));

function longSection(): DiffSection {
  const before = 'line of the prompt\n'.repeat(12_000);
  return {
    key: 'agent_settings',
    title: 'Agent settings',
    changes: [
      {
        path: 'prefix_prompt',
        label: 'System prompt',
        change: 'modified',
        before,
        after: `${before}one more line`,
        modifiedBy: null,
        modifiedOn: null,
      },
    ],
  };
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.resetModules();
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('useSectionSignatures', () => {
  it('signs a large section in its worker only once the line diffs in flight are in, so the copy never holds the first diff back', async () => {
    const { lineDiffOf } = await import('@/components/diff/line-diff-client');
    const { useSectionSignatures } = await import('./use-section-signatures');
    const sections = [longSection()];
    const change = sections[0]!.changes[0]!;
    void lineDiffOf(change.before as string, change.after as string);
    const lineDiff = workerOf('line-diff')!;
    const request = lineDiff.sent.find((m) => 'id' in m)!;
    expect(request).toBeDefined();

    const { result } = renderHook(() => useSectionSignatures(sections));
    expect(result.current.agent_settings).toBeNull();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(workerOf('signature'), 'nothing sent to sign while the diff computes').toBeUndefined();

    lineDiff.answer({ id: request.id, diff: { runs: [], beforeLines: 0, afterLines: 0 } });
    await waitFor(() => expect(workerOf('signature')?.sent).toHaveLength(1));
    const signer = workerOf('signature')!;
    const expected = sectionSignature(sections[0]!.changes);
    act(() => signer.answer({ id: signer.sent[0]!.id, signature: expected }));
    await waitFor(() => expect(result.current.agent_settings).toBe(expected));
  });

  it('signs a small section at once, on the main thread', async () => {
    const { useSectionSignatures } = await import('./use-section-signatures');
    const small: DiffSection = {
      ...longSection(),
      changes: [{ ...longSection().changes[0]!, before: 'a', after: 'b' }],
    };
    const { result } = renderHook(() => useSectionSignatures([small]));
    expect(result.current.agent_settings).toBe(sectionSignature(small.changes));
    expect(workerOf('signature')).toBeUndefined();
  });
});
