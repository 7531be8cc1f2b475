import { useMemo, useState } from 'react';
import type { DiffSection } from '@/api/adapter';
import { changeDomId, sectionDomId } from '@/components/diff';
import type { ShortcutAction } from './shortcuts';

interface Stop {
  path: string;
  sectionKey: string;
}

function scrollBehavior(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

let stopKeeping: (() => void) | null = null;

/**
 * Text diffs mount as they come near the screen and grow from their placeholders, which pushes
 * the change just scrolled to out of place. For a moment after a jump, follow it: each time the
 * page's size changes, bring it back, until the reader scrolls on their own.
 */
function keepInView(target: HTMLElement) {
  stopKeeping?.();
  if (typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(() => target.scrollIntoView({ block: 'start' }));
  observer.observe(document.body);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    window.removeEventListener('wheel', stop);
    window.removeEventListener('touchstart', stop);
    window.removeEventListener('pointerdown', stop);
    if (stopKeeping === stop) stopKeeping = null;
  };
  const timer = window.setTimeout(stop, 1500);
  window.addEventListener('wheel', stop, { passive: true });
  window.addEventListener('touchstart', stop, { passive: true });
  window.addEventListener('pointerdown', stop);
  stopKeeping = stop;
}

/**
 * The keyboard cursor of the review: which change `j`/`k` and `n`/`p` move from. Without a cursor
 * yet, movement starts from the first change on screen, so the keys follow the reader's scrolling.
 */
export function useReviewCursor(sections: readonly DiffSection[], idPrefix: string) {
  const [cursor, setCursor] = useState<string | null>(null);
  const stops = useMemo<Stop[]>(
    () => sections.flatMap((s) => s.changes.map((c) => ({ path: c.path, sectionKey: s.key }))),
    [sections],
  );
  const index = cursor === null ? -1 : stops.findIndex((s) => s.path === cursor);
  const activeSectionKey = index >= 0 ? stops[index]!.sectionKey : null;
  const sectionKeys = sections.map((s) => s.key as string);

  const element = (path: string) => document.getElementById(changeDomId(idPrefix, path));

  /** The first change whose bottom is below the sticky header: where the reader is. */
  const firstOnScreen = (): number => {
    const top = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
    const rects = stops.map((s) => element(s.path)?.getBoundingClientRect());
    const found = rects.findIndex((r) => r !== undefined && r.height > 0 && r.bottom > top + 8);
    if (found !== -1) return found;
    // Scrolled past every change: the last one. Nothing laid out (yet): the first.
    return rects.some((r) => r !== undefined && r.height > 0) ? stops.length - 1 : 0;
  };

  const goTo = (i: number, revealSection = false) => {
    const stop = stops[i];
    if (!stop) return;
    setCursor(stop.path);
    const target = element(stop.path);
    const section = document.getElementById(sectionDomId(idPrefix, stop.sectionKey));
    const reveal = revealSection && section ? section : target;
    reveal?.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    if (reveal) keepInView(reveal);
    target?.focus({ preventScroll: true });
  };

  const current = () => (index >= 0 ? index : -1);

  const move = (action: Exclude<ShortcutAction, 'help' | 'toggle-viewed'>) => {
    if (stops.length === 0) return;
    const at = current();
    if (action === 'next-change')
      return goTo(at === -1 ? firstOnScreen() : Math.min(at + 1, stops.length - 1));
    if (action === 'previous-change') return goTo(at === -1 ? firstOnScreen() : Math.max(at - 1, 0));
    const from = at === -1 ? firstOnScreen() : at;
    const sectionIndex = sectionKeys.indexOf(stops[from]!.sectionKey);
    const targetSection =
      action === 'next-section'
        ? sectionKeys[Math.min(sectionIndex + (at === -1 ? 0 : 1), sectionKeys.length - 1)]
        : sectionKeys[Math.max(sectionIndex - 1, 0)];
    goTo(
      stops.findIndex((s) => s.sectionKey === targetSection),
      true,
    );
  };

  return {
    activeSectionKey,
    move,
    jumpToSection: (key: string) =>
      goTo(
        stops.findIndex((s) => s.sectionKey === key),
        true,
      ),
    /** The section `v` marks: the cursor's, else the one being read. */
    currentSectionKey: (): string | null =>
      activeSectionKey ?? (stops.length > 0 ? stops[firstOnScreen()]!.sectionKey : null),
  };
}
