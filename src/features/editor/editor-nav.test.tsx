// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorNav } from './editor-nav';
import { EDITOR_SECTIONS, type EditorSectionId } from './editor-sections';

/**
 * A phone's layout, which happy-dom does not draw: the nav is a row 390 px wide, its links 140 px
 * wide every 150 px, scrolled by `scrollTo` as a browser would.
 */
const ROW = 390;
const STEP = 150;
const LINK = 140;
let scrollLeft = 0;

function layOutAsAPhone() {
  scrollLeft = 0;
  const isRow = (el: Element) => el.tagName === 'NAV';
  vi.spyOn(Element.prototype, 'scrollWidth', 'get').mockImplementation(function (this: Element) {
    return isRow(this) ? EDITOR_SECTIONS.length * STEP : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: Element) {
    return isRow(this) ? ROW : 0;
  });
  vi.spyOn(Element.prototype, 'scrollLeft', 'get').mockImplementation(function (this: Element) {
    return isRow(this) ? scrollLeft : 0;
  });
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const row = this.closest('nav');
    const index = row && this.tagName === 'A' ? [...row.children].indexOf(this) : -1;
    const left = isRow(this) ? 0 : index >= 0 ? index * STEP - scrollLeft : 0;
    const width = isRow(this) ? ROW : index >= 0 ? LINK : 0;
    return DOMRect.fromRect({ x: left, y: 0, width, height: 36 });
  });
  const rowScroll = vi.fn(function (this: Element, options?: ScrollToOptions) {
    scrollLeft = options?.left ?? scrollLeft;
    this.dispatchEvent(new Event('scroll'));
  });
  vi.spyOn(Element.prototype, 'scrollTo').mockImplementation(rowScroll as Element['scrollTo']);
  const intoView = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
  const pageScroll = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  return { rowScroll, intoView, pageScroll };
}

const nav = (active: EditorSectionId, unsaved: EditorSectionId[] = []) => (
  <MantineProvider>
    <MemoryRouter>
      <EditorNav
        agentId={7}
        active={active}
        unsaved={unsaved}
        hasUnpublishedChanges={false}
        hrefOf={(id) => `?section=${id}`}
      />
    </MemoryRouter>
  </MantineProvider>
);

beforeEach(() => {
  vi.restoreAllMocks();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the section nav on a narrow screen', () => {
  it('brings the open section into its row on load and when it changes, never scrolling the page', () => {
    const { rowScroll, intoView, pageScroll } = layOutAsAPhone();
    const { rerender } = render(nav('guardrails'));
    // Guardrails, the last, is as far as the row goes: 6 × 150 − 390.
    expect(scrollLeft).toBe(510);
    expect(rowScroll).toHaveBeenLastCalledWith({ left: 510, behavior: 'instant' });
    rerender(nav('access'));
    // Access & tags (150 to 290) in the middle of the row: 220 − 195.
    expect(scrollLeft).toBe(25);
    expect(intoView).not.toHaveBeenCalled();
    expect(pageScroll).not.toHaveBeenCalled();
  });

  it('fades the ends of the row that have more of it beyond them', () => {
    layOutAsAPhone();
    const { rerender } = render(nav('settings'));
    const row = screen.getByRole('navigation', { name: 'Configuration sections' });
    expect(row.hasAttribute('data-more-before')).toBe(false);
    expect(row.hasAttribute('data-more-after')).toBe(true);
    rerender(nav('tools'));
    expect(row.hasAttribute('data-more-before')).toBe(true);
    expect(row.hasAttribute('data-more-after')).toBe(true);
    rerender(nav('guardrails'));
    expect(row.hasAttribute('data-more-before')).toBe(true);
    expect(row.hasAttribute('data-more-after')).toBe(false);
  });

  it('holds a section’s hidden “(unsaved changes)” inside the row, not past the page’s right edge', () => {
    layOutAsAPhone();
    render(nav('settings', ['guardrails']));
    const row = screen.getByRole('navigation', { name: 'Configuration sections' });
    const said = screen.getByText('(unsaved changes)');
    expect(row.contains(said)).toBe(true);
    // The text is absolutely positioned; the row, scrolled sideways, must be what it is placed in.
    expect(row.style.position).toBe('relative');
  });
});
