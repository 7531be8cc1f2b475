import { type ComponentType, lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Center, Skeleton, Text, useComputedColorScheme } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import type { ReactDiffViewerProps, ReactDiffViewerStylesOverride } from 'react-diff-viewer-continued';
import { type DiffViewMode, useDiffViewMode } from './use-diff-view-mode';
import { warmLineDiffWorker } from './line-diff-client';
import { diffLineCount, isLongDiff, VIRTUALISE_OVER_LINES } from './long-text';
import { VIRTUAL_MAX_HEIGHT, VirtualTextDiff } from './virtual-text-diff';

warmLineDiffWorker();

/**
 * The one wrapper of react-diff-viewer-continued. The viewer (about 85 kB gzip with its emotion
 * and `diff`) loads only when a text diff first comes near the screen and computes the diff in a
 * Web Worker (from a `blob:` URL: a CSP needs `worker-src blob:`). Emotion injects `<style>`
 * tags: pass `nonce` under a CSP. Long texts go to VirtualTextDiff instead: the viewer's own
 * diff of a 20,000-line prompt takes seconds and of a 100,000-line one minutes (npm run bench).
 */

type Granularity = 'words' | 'lines';
type ViewerProps = Omit<ReactDiffViewerProps, 'compareMethod'> & { granularity: Granularity };

const Viewer = lazy(async (): Promise<{ default: ComponentType<ViewerProps> }> => {
  const { default: DiffViewer, DiffMethod } = await import('react-diff-viewer-continued');
  function LoadedViewer({ granularity, ...props }: ViewerProps) {
    const box = useRef<HTMLDivElement>(null);
    useEffect(() => {
      const root = box.current;
      if (!root) return;
      unnestFoldButtons(root);
      // Fold rows come and go as the diff is computed and blocks are expanded.
      const observer = new MutationObserver(() => unnestFoldButtons(root));
      observer.observe(root, { childList: true, subtree: true });
      return () => observer.disconnect();
    }, []);
    // WORDS_WITH_SPACE, not WORDS: the viewer's WORDS mode moves whitespace between words (it
    // showed "questions ." for "questions."), so a reviewer would read text that is not there.
    return (
      <div ref={box}>
        <DiffViewer
          {...props}
          compareMethod={granularity === 'lines' ? DiffMethod.LINES : DiffMethod.WORDS_WITH_SPACE}
        />
      </div>
    );
  }
  return { default: LoadedViewer };
});

/**
 * The viewer makes each "Expand N unchanged lines" row a button (role and tab stop, but no key
 * handling) around its own real button: a control inside a control, which screen readers announce
 * badly and which costs keyboard users a dead tab stop. The row keeps its click, for the pointer;
 * the real button inside is the one control, for the keyboard and assistive technology.
 */
function unnestFoldButtons(root: HTMLElement) {
  for (const row of root.querySelectorAll('tr[role="button"]')) {
    row.removeAttribute('role');
    row.removeAttribute('tabindex');
  }
}

const STYLES: ReactDiffViewerStylesOverride = {
  variables: {
    light: {
      diffViewerBackground: 'var(--mantine-color-body)',
      gutterBackground: 'var(--mantine-color-gray-0)',
    },
    dark: {
      diffViewerBackground: 'var(--mantine-color-dark-7)',
      diffViewerTitleBackground: 'var(--mantine-color-dark-6)',
      gutterBackground: 'var(--mantine-color-dark-6)',
      codeFoldBackground: 'var(--mantine-color-dark-6)',
      codeFoldGutterBackground: 'var(--mantine-color-dark-5)',
      emptyLineBackground: 'var(--mantine-color-dark-7)',
    },
  },
  titleBlock: { pre: { margin: 0, fontFamily: 'var(--mantine-font-family)', fontWeight: 600 } },
  // The viewer fades line numbers to half opacity: 3.0:1 on added lines, under WCAG AA's 4.5:1.
  gutter: { pre: { opacity: 0.75 } },
  contentText: { lineHeight: '19px !important' },
  // The viewer's table is at least 1000 px wide, wider than a card in the History panel; the text
  // wraps, so it can fit whatever width it is given.
  diffContainer: { borderRadius: 'var(--mantine-radius-sm)', minWidth: 0 },
};

/** The texts this viewer shows are short: they wrap between words, as prose reads. */
const WORD_WRAP_STYLES: ReactDiffViewerStylesOverride = {
  ...STYLES,
  contentText: { lineHeight: '19px !important', lineBreak: 'auto', overflowWrap: 'anywhere' },
};

export interface TextDiffProps {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
  /** Where changes are highlighted within changed lines: words (prose, the default) or whole lines (JSON). */
  granularity?: Granularity;
  /** Overrides the remembered split/unified preference. */
  mode?: DiffViewMode;
  /** Title of the one column in unified mode; "before → after" by default. */
  unifiedTitle?: string;
  /** Mount the viewer only once the diff comes near the screen (default), or at once. */
  deferUntilVisible?: boolean;
  /** Style nonce for emotion under a Content-Security-Policy. */
  nonce?: string;
}

export function TextDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
  granularity = 'words',
  mode,
  unifiedTitle,
  deferUntilVisible = true,
  nonce,
}: TextDiffProps) {
  const [storedMode] = useDiffViewMode();
  const split = (mode ?? storedMode) === 'split';
  const scheme = useComputedColorScheme('light');
  const lines = useMemo(() => diffLineCount(before, after), [before, after]);
  const virtualise = useMemo(() => isLongDiff(before, after), [before, after]);
  const { ref, entry } = useIntersection<HTMLDivElement>({ rootMargin: '800px 0px' });
  const [near, setNear] = useState(!deferUntilVisible || typeof IntersectionObserver === 'undefined');
  // A latch, set while rendering: once near the screen the viewer stays mounted.
  if (!near && entry?.isIntersecting) setNear(true);
  // A long text mounts at once: it renders only the rows in its box, so waiting to see whether
  // it is near the screen would only cost the first change a frame or two.
  const seen = near || virtualise;
  const placeholder = (
    <Skeleton
      height={lines > VIRTUALISE_OVER_LINES ? VIRTUAL_MAX_HEIGHT : Math.min(40 + lines * 19, 320)}
      radius="sm"
      aria-hidden
    />
  );
  const title = unifiedTitle ?? `${beforeLabel} → ${afterLabel}`;

  return (
    <Box ref={ref} data-testid="text-diff">
      {seen && virtualise ? (
        <VirtualTextDiff
          before={before}
          after={after}
          beforeLabel={beforeLabel}
          afterLabel={afterLabel}
          split={split}
          unifiedTitle={title}
          wordHighlights={granularity === 'words'}
          placeholder={placeholder}
        />
      ) : seen ? (
        <Suspense fallback={placeholder}>
          <Viewer
            oldValue={before}
            newValue={after}
            granularity={granularity}
            splitView={split}
            showDiffOnly
            extraLinesSurroundingDiff={3}
            useDarkTheme={scheme === 'dark'}
            leftTitle={split ? beforeLabel : title}
            rightTitle={split ? afterLabel : undefined}
            hideSummary
            loadingElement={LoadingOverlay}
            codeFoldMessageRenderer={FoldMessage}
            styles={WORD_WRAP_STYLES}
            nonce={nonce}
          />
        </Suspense>
      ) : (
        placeholder
      )}
    </Box>
  );
}

function FoldMessage(total: number) {
  return (
    <Text span size="xs" c="dimmed">
      Expand {total.toLocaleString('en-US')} unchanged {total === 1 ? 'line' : 'lines'}
    </Text>
  );
}

function LoadingOverlay() {
  return (
    <Center h="100%" mih={40} bg="color-mix(in srgb, var(--mantine-color-body) 70%, transparent)">
      <Text size="xs" c="dimmed" role="status">
        Comparing…
      </Text>
    </Center>
  );
}
