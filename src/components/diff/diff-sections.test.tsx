// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Diff } from '@/api/adapter';
import { DiffSections } from './diff-sections';
import { fieldChange } from '@/test/agent-fixtures';

afterEach(cleanup);

const wrap = (ui: ReactNode) => render(<MantineProvider>{ui}</MantineProvider>);

const fc = fieldChange;

const diff: Diff = {
  hasChanges: true,
  sections: [
    {
      key: 'tools',
      title: 'Tools',
      changes: [
        fc({ path: 'tools/5', label: 'Tool “Search”', change: 'added', before: null, after: { a: 1 } }),
      ],
    },
    {
      key: 'agent_settings',
      title: 'Agent settings',
      changes: [
        fc({
          path: 'caching_enabled',
          label: 'Response caching',
          before: false,
          after: true,
          modifiedBy: 'editor@example.com',
          modifiedOn: '2026-11-28T19:43:15.123456Z',
        }),
        fc({ path: 'tags', label: 'Tags', before: ['hr', 'legal'], after: ['hr', 'policy'] }),
      ],
    },
  ],
};

const props = { beforeLabel: 'Production (live)', afterLabel: 'Staging', emptyText: 'Nothing to publish.' };

describe('DiffSections', () => {
  it('shows sections in the contract’s fixed order with their counts', () => {
    wrap(<DiffSections diff={diff} {...props} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Agent settings', 'Tools']);
    const settings = screen.getByRole('region', { name: 'Agent settings' });
    expect(within(settings).getByText('2 changes')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Tools' })).getByText('1 change')).toBeTruthy();
  });

  it('shows each change with its label, badge and who changed it when the server says so', () => {
    wrap(<DiffSections diff={diff} {...props} />);
    const caching = screen.getByRole('article', { name: 'Response caching' });
    expect(within(caching).getByText('Modified')).toBeTruthy();
    expect(within(caching).getByText(/Changed by editor@example.com on/)).toBeTruthy();
    expect(within(caching).getByText('28 Nov 2026, 19:43 UTC')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Tags' })).queryByText(/Changed by/)).toBeNull();
    expect(within(screen.getByRole('article', { name: 'Tool “Search”' })).getByText('Added')).toBeTruthy();
  });

  it('reads a boolean as production → staging under the given labels', () => {
    wrap(<DiffSections diff={diff} {...props} />);
    const caching = screen.getByRole('article', { name: 'Response caching' });
    expect(within(caching).getByText('Production (live)')).toBeTruthy();
    expect(within(caching).getByText('Off')).toBeTruthy();
    expect(within(caching).getByText('Staging')).toBeTruthy();
    expect(within(caching).getByText('On')).toBeTruthy();
  });

  it('leads the staging value with the arrow, so that it starts the staging line when the values stack', () => {
    wrap(<DiffSections diff={diff} {...props} />);
    const caching = screen.getByRole('article', { name: 'Response caching' });
    const arrow = within(caching).getByText('→');
    const stagingCell = arrow.parentElement!;
    // The arrow goes with the staging value (and its label), not with the production one.
    expect(within(stagingCell).getByText('On')).toBeTruthy();
    expect(within(stagingCell).getByText('Staging')).toBeTruthy();
    expect(within(stagingCell).queryByText('Off')).toBeNull();
    expect(arrow.compareDocumentPosition(within(stagingCell).getByText('On'))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(arrow.getAttribute('aria-hidden')).toBe('true');
  });

  it('lets a long change label wrap instead of cutting it off', () => {
    const label = 'Tool “Salesforce Health Cloud” · action “Log case with a long name” config';
    wrap(
      <DiffSections
        diff={{
          hasChanges: true,
          sections: [
            { key: 'tools', title: 'Tools', changes: [fc({ path: 'tools/5', label, before: 1, after: 2 })] },
          ],
        }}
        {...props}
      />,
    );
    const title = within(screen.getByRole('article', { name: label })).getByText(label);
    expect(title.hasAttribute('data-truncate')).toBe(false);
    expect(title.style.overflowWrap).toBe('anywhere');
  });

  it('shows tags as added and removed chips', () => {
    wrap(<DiffSections diff={diff} {...props} />);
    const tags = screen.getByRole('article', { name: 'Tags' });
    expect(
      within(within(tags).getByRole('group', { name: 'Added items' })).getByText('+ policy'),
    ).toBeTruthy();
    expect(
      within(within(tags).getByRole('group', { name: 'Removed items' })).getByText('− legal'),
    ).toBeTruthy();
    expect(within(tags).getByText('Unchanged: hr')).toBeTruthy();
  });

  it('renders the section actions it is given beside each title', () => {
    wrap(
      <DiffSections
        diff={diff}
        {...props}
        renderSectionActions={(s) => <button type="button">Mark {s.title}</button>}
      />,
    );
    expect(
      within(screen.getByRole('region', { name: 'Tools' })).getByRole('button', { name: 'Mark Tools' }),
    ).toBeTruthy();
  });

  it('says the empty sentence when nothing changed', () => {
    wrap(<DiffSections diff={{ hasChanges: false, sections: [] }} {...props} />);
    expect(screen.getByText('Nothing to publish.')).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('lists template variables added and removed beside a system prompt change, with the length change', () => {
    const prompt: Diff = {
      hasChanges: true,
      sections: [
        {
          key: 'agent_settings',
          title: 'Agent settings',
          changes: [
            fc({
              path: 'prefix_prompt',
              label: 'System prompt',
              before: 'Hi {{user}}',
              after: 'Hello {{customer}}!',
            }),
          ],
        },
      ],
    };
    wrap(<DiffSections diff={prompt} {...props} />);
    const facts = screen.getByRole('group', { name: 'Prompt facts' });
    expect(within(facts).getByText('+ {{customer}}')).toBeTruthy();
    expect(within(facts).getByText('− {{user}}')).toBeTruthy();
    expect(facts.textContent).toContain('11 → 19 characters (+8)');
  });

  it('says when a text’s line breaks changed, which the diff cannot show', () => {
    const text = (before: string, after: string): Diff => ({
      hasChanges: true,
      sections: [
        {
          key: 'agent_settings',
          title: 'Agent settings',
          changes: [fc({ path: 'prefix_prompt', label: 'System prompt', before, after })],
        },
      ],
    });
    wrap(<DiffSections diff={text('Be brief.\r\nCite sources.', 'Be brief.\nCite sources.')} {...props} />);
    expect(screen.getByRole('note').textContent).toBe(
      'Only the line breaks differ: Windows line breaks (CRLF) in Production (live), Unix line breaks (LF) in Staging.',
    );
    // Not orange 8, which is 3.6:1 on white: the theme's orange text colour passes AA in both schemes.
    expect(screen.getByRole('note').style.color).toBe('var(--mantine-color-orange-text)');
    cleanup();
    wrap(<DiffSections diff={text('Be brief.\nCite sources.', 'Be brief.\nCite all sources.')} {...props} />);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says which invisible or space-like characters differ, which the diff cannot show', () => {
    const settings = (change: ReturnType<typeof fc>): Diff => ({
      hasChanges: true,
      sections: [{ key: 'agent_settings', title: 'Agent settings', changes: [change] }],
    });
    // A name that reads the same on both sides: only a no-break space tells them apart.
    wrap(
      <DiffSections
        diff={settings(
          fc({ path: 'agent_name', label: 'Name', before: 'HR Helper', after: 'HR\u00a0Helper' }),
        )}
        {...props}
      />,
    );
    expect(within(screen.getByRole('article', { name: 'Name' })).getByRole('note').textContent).toBe(
      'Invisible characters differ (the diff cannot show them): no-break space (U+00A0), none in Production (live) and 1 in Staging.',
    );
    cleanup();
    wrap(
      <DiffSections
        diff={settings(
          fc({
            path: 'prefix_prompt',
            label: 'System prompt',
            before: 'Cite\u200b sources.\nBe\u00a0brief.',
            after: 'Cite sources.\nBe\u00a0very brief.',
          }),
        )}
        {...props}
      />,
    );
    expect(screen.getByRole('note').textContent).toBe(
      'Invisible characters differ (the diff cannot show them): zero-width space (U+200B), 1 in Production (live) and none in Staging.',
    );
    cleanup();
    // The same no-break space on both sides is no difference.
    wrap(
      <DiffSections
        diff={settings(
          fc({
            path: 'prefix_prompt',
            label: 'System prompt',
            before: 'Be\u00a0brief.',
            after: 'Be\u00a0short.',
          }),
        )}
        {...props}
      />,
    );
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says when a list only changed its order', () => {
    const moved: Diff = {
      hasChanges: true,
      sections: [
        {
          key: 'instructions',
          title: 'Instructions',
          changes: [
            fc({
              path: 'instructions/order',
              label: 'Instruction order',
              before: ['Greet the member by name.', 'Cite the plan document.', 'Escalate refunds over $500.'],
              after: ['Escalate refunds over $500.', 'Greet the member by name.', 'Cite the plan document.'],
            }),
          ],
        },
      ],
    };
    wrap(<DiffSections diff={moved} {...props} />);
    expect(screen.getByText(/^The same items in another order/)).toBeTruthy();
  });

  it('reports instructions moved by position, not an edited one as removed and added', () => {
    const quote = 'Quote rates for the current fiscal year only.';
    const send = 'Send policy exceptions to the finance mailbox.';
    const editedAndMoved: Diff = {
      hasChanges: true,
      sections: [
        {
          key: 'instructions',
          title: 'Instructions',
          changes: [
            fc({
              path: 'instructions/1062',
              label: 'Instruction 2 (was 1)',
              before: quote,
              after: `EDITED: ${quote}`,
            }),
            fc({
              path: 'instructions/order',
              label: 'Instruction order',
              before: [quote, send],
              after: [send, `EDITED: ${quote}`],
            }),
          ],
        },
      ],
    };
    wrap(<DiffSections diff={editedAndMoved} {...props} />);
    const card = screen.getByRole('article', { name: 'Instruction order' });
    const moved = within(card).getByRole('list', { name: 'Moved instructions' });
    expect(
      within(moved)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      `2 → 1From position 2 to 1: ${send}`,
      `1 → 2From position 1 to 2: EDITED: ${quote} (text also edited)`,
    ]);
    expect(within(card).queryByRole('group', { name: 'Added items' })).toBeNull();
    expect(within(card).queryByRole('group', { name: 'Removed items' })).toBeNull();
    expect(within(card).queryByText(/^Unchanged/)).toBeNull();
  });
  it('says when only whitespace differs, which the diff shows as nothing', () => {
    const blanked: Diff = {
      hasChanges: true,
      sections: [
        {
          key: 'agent_settings',
          title: 'Agent settings',
          changes: [
            fc({ path: 'sample_q2', label: 'Sample question 2', before: '   ', after: '' }),
            fc({ path: 'agent_name', label: 'Name', before: 'Billing bot', after: 'Billing bot ' }),
            fc({ path: 'sample_q1', label: 'Sample question 1', before: 'Why?', after: 'Why not?' }),
          ],
        },
      ],
    };
    wrap(<DiffSections diff={blanked} {...props} />);
    for (const label of ['Sample question 2', 'Name'])
      expect(within(screen.getByRole('article', { name: label })).getByRole('note').textContent).toMatch(
        /^Only whitespace differs/,
      );
    expect(within(screen.getByRole('article', { name: 'Sample question 1' })).queryByRole('note')).toBeNull();
  });
});
