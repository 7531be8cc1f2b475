// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '@contract';
import type { DiffSection } from '@/api/adapter';
import { PublishModal, usePublishForm } from './publish-modal';
import { stubFontFaceSet } from '@/test/render-with-router';

const sections = [
  { key: 'settings', title: 'Agent settings', changes: [{}, {}] },
] as unknown as DiffSection[];

function Dialog({ onConfirm, viewed = 1 }: { onConfirm: (note: string) => void; viewed?: number }) {
  const form = usePublishForm(7, 'fp-1');
  return (
    <PublishModal
      form={form}
      fingerprint="fp-1"
      opened
      onClose={() => undefined}
      sections={sections}
      viewed={viewed}
      onConfirm={onConfirm}
      pending={false}
      error={null}
      returnFocus
    />
  );
}

function renderDialog(viewed?: number) {
  const onConfirm = vi.fn();
  const user = userEvent.setup({ delay: null });
  render(
    <MantineProvider>
      <Dialog onConfirm={onConfirm} viewed={viewed} />
    </MantineProvider>,
  );
  return { onConfirm, user, dialog: screen.getByRole('dialog', { name: 'Publish to production' }) };
}

beforeEach(() => {
  stubFontFaceSet();
});
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('the publish note', () => {
  it('keeps a pasted note over the limit whole, says by how much it is over, and publishes nothing', async () => {
    const { onConfirm, user, dialog } = renderDialog();
    const note = `${'Approved after the policy review. '.repeat(70)}END: ticket SEC-991.`;
    expect(note.length).toBeGreaterThan(LIMITS.note);
    const field = within(dialog).getByRole('textbox', { name: /Note/ });
    await user.click(field);
    await user.paste(note);
    expect((field as HTMLTextAreaElement).value).toBe(note);
    expect(
      within(dialog).getByText(
        `A note is at most ${LIMITS.note.toLocaleString('en-US')} characters: this one has ${note.trim().length.toLocaleString('en-US')}.`,
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect((field as HTMLTextAreaElement).value).toBe(note);
  });

  it('shows the count as a note nears the limit, and publishes one at the limit', async () => {
    const { onConfirm, user, dialog } = renderDialog();
    const field = within(dialog).getByRole('textbox', { name: /Note/ });
    await user.click(field);
    await user.paste('x'.repeat(LIMITS.note));
    expect(
      within(dialog).getByText(
        `${LIMITS.note.toLocaleString('en-US')} of ${LIMITS.note.toLocaleString('en-US')} characters`,
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(onConfirm).toHaveBeenCalledWith('x'.repeat(LIMITS.note));
  });
});

describe('the publish dialog', () => {
  it('takes a keyboard user to the note when Publish is pressed without one', async () => {
    const { onConfirm, user, dialog } = renderDialog();
    const field = within(dialog).getByRole('textbox', { name: /Note/ });
    // The dialog opens with the focus in the note; the person tabs on to Publish.
    await waitFor(() => expect(document.activeElement).toBe(field));
    within(dialog).getByRole('button', { name: 'Publish' }).focus();
    await user.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('warns of sections not marked viewed in an orange that keeps AA contrast in both schemes', () => {
    const { dialog } = renderDialog(0);
    const warning = within(dialog).getByRole('note');
    expect(warning.textContent).toBe('You have not marked any section viewed.');
    // Orange 8 (#e8590c) is 3.6:1 on white and 4.3:1 on the dark body; the theme's orange text
    // colour is 5.2:1 on white and lighter on dark.
    expect(warning.style.color).toBe('var(--mantine-color-orange-text)');
  });
});
