import { memo, useCallback, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useVirtualizer } from '@tanstack/react-virtual';
import { diffRows, type DiffRow } from '@/lib/diff-rows';
import { CHANGE, lineAt, type LineDiff } from '@/lib/line-diff';
import { wordDiff, type Segment } from '@/lib/word-diff';
import { measureAfterLayout, observeRectAfterLayout, scrollAfterLayout } from '../virtual-after-layout';
import { useLineDiff } from './line-diff-client';
import classes from './virtual-text-diff.module.css';

/**
 * The text diff for long texts (system prompts run to 100,000 lines): the line diff is computed
 * in a Web Worker, and only the rows on screen are rendered, inside a scroll box of at most
 * 640 px. Changed lines show with three lines of context; longer unchanged stretches fold into
 * one row that expands on click. Word highlights are computed per row as it scrolls into view.
 * Shows `placeholder` until the diff is ready.
 */

const CONTEXT_LINES = 3;
const ROW_HEIGHT = 19;
export const VIRTUAL_MAX_HEIGHT = 640;

export interface VirtualTextDiffProps {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
  split: boolean;
  /** Title of the one column in unified mode. */
  unifiedTitle: string;
  /** Highlight changed words inside changed lines (prose), or not (JSON). */
  wordHighlights: boolean;
  /** Shown while the worker computes the diff. */
  placeholder: ReactNode;
}

export function VirtualTextDiff({ placeholder, ...props }: VirtualTextDiffProps) {
  const diff = useLineDiff(props.before, props.after);
  return diff ? <LoadedVirtualTextDiff {...props} diff={diff} /> : placeholder;
}

function LoadedVirtualTextDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
  split,
  unifiedTitle,
  wordHighlights,
  diff,
}: Omit<VirtualTextDiffProps, 'placeholder'> & { diff: LineDiff }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const rows = useMemo(
    () => diffRows(diff, { split, context: CONTEXT_LINES, expanded }),
    [diff, split, expanded],
  );
  const counts = useMemo(() => changeCounts(diff), [diff]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, drawAgain] = useReducer((n: number) => n + 1, 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    measureElement: measureAfterLayout,
    overscan: 20,
    // Rows render before the box is measured, so the first changes paint in the first frame.
    initialRect: { width: 1000, height: VIRTUAL_MAX_HEIGHT },
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterLayout,
    // Sizes the ResizeObserver reports come before the frame is painted; the virtualizer's own
    // re-render would come a frame later, with rows drawn on top of each other meanwhile.
    onChange: (instance, sync) => {
      if (!sync && !instance.isScrolling) queueMicrotask(() => flushSync(drawAgain));
    },
  });
  // Stable between renders, so the memoised rows render again only when they scroll in.
  const text = useMemo(() => ({ before, after, diff }), [before, after, diff]);
  const expand = useCallback((foldId: number) => setExpanded((open) => new Set(open).add(foldId)), []);

  return (
    <div className={classes.frame}>
      <div className={split ? classes.titlesSplit : classes.titlesUnified}>
        {split && <div className={classes.title}>{beforeLabel}</div>}
        <div className={classes.title}>
          <span>{split ? afterLabel : unifiedTitle}</span>
          <span className={classes.summary}>{summary(counts)}</span>
        </div>
      </div>
      <div
        ref={scrollRef}
        className={classes.scroll}
        style={{ maxHeight: VIRTUAL_MAX_HEIGHT }}
        role="region"
        aria-label={split ? `${beforeLabel} and ${afterLabel}, side by side` : unifiedTitle}
        // The box scrolls on its own: keyboard users need to be able to focus it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={classes.item}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <Row row={row} split={split} text={text} wordHighlights={wordHighlights} onExpand={expand} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function changeCounts(diff: LineDiff): { removed: number; added: number } {
  let removed = 0;
  let added = 0;
  for (let r = 0; r < diff.runs.length; r += 5) {
    if (diff.runs[r] !== CHANGE) continue;
    removed += diff.runs[r + 2]!;
    added += diff.runs[r + 4]!;
  }
  return { removed, added };
}

const lines = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'line' : 'lines'}`;
const summary = ({ removed, added }: { removed: number; added: number }) =>
  removed === 0 && added === 0 ? 'No lines changed' : `${lines(removed)} removed · ${lines(added)} added`;

interface Texts {
  before: string;
  after: string;
  diff: LineDiff;
}

interface RowProps {
  row: DiffRow;
  split: boolean;
  text: Texts;
  wordHighlights: boolean;
  onExpand: (foldId: number) => void;
}

const beforeLine = (t: Texts, index: number) => lineAt(t.before, t.diff.beforeStarts, index);
const afterLine = (t: Texts, index: number) => lineAt(t.after, t.diff.afterStarts, index);

const Row = memo(function Row({ row, split, text, wordHighlights, onExpand }: RowProps) {
  if (row.kind === 'fold') {
    return (
      <button type="button" className={classes.fold} onClick={() => onExpand(row.foldId)}>
        {`Expand ${row.hidden.toLocaleString('en-US')} unchanged ${row.hidden === 1 ? 'line' : 'lines'}`}
      </button>
    );
  }
  const left = row.before >= 0 ? beforeLine(text, row.before) : null;
  const right = row.after >= 0 ? afterLine(text, row.after) : null;
  const number = (index: number) => (index >= 0 ? index + 1 : '');

  if (split) {
    const words =
      row.kind === 'modified' && wordHighlights && left !== null && right !== null
        ? wordDiff(left, right)
        : null;
    return (
      <div className={classes.splitRow}>
        <span className={classes.number} aria-hidden>
          {number(row.before)}
        </span>
        <Cell
          side="removed"
          changed={row.kind === 'modified' || row.kind === 'removed'}
          segments={words?.before}
          text={left}
        />
        <span className={classes.number} aria-hidden>
          {number(row.after)}
        </span>
        <Cell
          side="added"
          changed={row.kind === 'modified' || row.kind === 'added'}
          segments={words?.after}
          text={right}
        />
      </div>
    );
  }

  const side = row.kind === 'removed' ? 'removed' : 'added';
  const partner =
    row.partner >= 0
      ? side === 'removed'
        ? afterLine(text, row.partner)
        : beforeLine(text, row.partner)
      : null;
  const own = side === 'removed' ? left : right;
  let segments: Segment[] | undefined;
  if (wordHighlights && own !== null && partner !== null) {
    const words = side === 'removed' ? wordDiff(own, partner) : wordDiff(partner, own);
    segments = side === 'removed' ? words.before : words.after;
  }
  const changed = row.kind === 'removed' || row.kind === 'added';
  return (
    <div className={classes.unifiedRow}>
      <span className={classes.number} aria-hidden>
        {number(row.before)}
      </span>
      <span className={classes.number} aria-hidden>
        {number(row.after)}
      </span>
      <span className={classes.marker} aria-hidden>
        {changed ? (side === 'removed' ? '−' : '+') : ''}
      </span>
      <Cell side={side} changed={changed} segments={segments} text={row.kind === 'removed' ? left : right} />
    </div>
  );
});

interface CellProps {
  side: 'removed' | 'added';
  changed: boolean;
  segments: Segment[] | undefined;
  text: string | null;
}

/** One side of a line: `<del>`/`<ins>` for changed text, so its meaning does not rest on colour. */
function Cell({ side, changed, segments, text }: CellProps) {
  if (text === null) return <span className={classes.empty} />;
  if (!changed) return <span className={classes.text}>{text}</span>;
  const Tag = side === 'removed' ? 'del' : 'ins';
  let content: ReactNode = text;
  if (segments) {
    content = segments.map((segment, i) =>
      segment.changed ? (
        <mark key={i} className={side === 'removed' ? classes.wordRemoved : classes.wordAdded}>
          {segment.text}
        </mark>
      ) : (
        segment.text
      ),
    );
  }
  return (
    <Tag
      className={`${classes.text} ${side === 'removed' ? classes.removed : classes.added}`}
      data-diff-line={side}
    >
      {content === '' ? '\u200b' : content}
    </Tag>
  );
}
