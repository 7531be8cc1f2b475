// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { draftStore } from '@/features/editor/draft-store';
import { readPublishNote, writePublishNote } from '@/features/review/publish-note';
import { claimTab } from './own-tab';

afterEach(() => {
  sessionStorage.clear();
  draftStore.resetMemory();
});

describe('claimTab', () => {
  it('keeps the unsent publish notes of the person who wrote them', () => {
    claimTab('priya@example.com');
    writePublishNote(7, 'Approved by Legal');
    draftStore.resetMemory();
    claimTab('Priya@example.com');
    expect(readPublishNote(7).note).toBe('Approved by Legal');
  });

  it('forgets another person’s unsent publish notes with their drafts', () => {
    claimTab('priya@example.com');
    writePublishNote(7, 'Approved by Legal');
    claimTab('sam@example.com');
    expect(readPublishNote(7).note).toBe('');
  });
});
