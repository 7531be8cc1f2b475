import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { ConsoleIcon } from '@/components/console-icon';
import { focusFirstField, focusIsLost } from '@/lib/focus';
import { DiscardModal } from './discard-modal';
import { EditLock } from './edit-lock';
import classes from './editor.module.css';
import type { SectionEditor } from './use-section-editor';

export interface SaveBarProps<F> {
  agentId: number;
  editor: SectionEditor<F>;
  /** The section's title ("Settings"): what "Discard changes" asks about. */
  section: string;
  /** "Save settings": names the button, so each section's is told apart. */
  saveLabel: string;
  /** Submits the form again with what it holds now. */
  onRetry: () => void;
  /** Client-side validation failed on the last attempt. */
  invalid?: boolean;
}

const RETRYABLE = new Set(['network', 'server', 'other']);

/** Room left between a focused field and the bar's top edge. */
const CLEARANCE_GAP = 16;

/** The save bars on screen, by their height (the Knowledge sources tab shows two). */
const barHeights = new Map<Element, number>();

/**
 * The page's scroll padding (shell.module.css) is at least this: a taller bar than it allows for
 * (a phone's, of two lines) raises it, a shorter one leaves it as it is.
 */
const SAVE_BAR_CLEARANCE = '--save-bar-clearance';

function applyClearance() {
  const root = document.documentElement;
  if (barHeights.size === 0) root.style.removeProperty(SAVE_BAR_CLEARANCE);
  else
    root.style.setProperty(
      SAVE_BAR_CLEARANCE,
      `${Math.ceil(Math.max(...barHeights.values())) + CLEARANCE_GAP}px`,
    );
}

/**
 * The bar stays over the foot of the window: a field that gets the focus (by Tab, or a click on
 * its label) is scrolled into view above it, not under it, by a scroll padding at least as tall as
 * the bar (two lines on a phone, one on a desktop), as long as a bar is on screen. The browser brings
 * only a text box's caret into view, its first line: a box of several lines left under the bar is
 * brought into view whole, where it fits above the bar; one the pointer went down in is left
 * where it is, so a click or a drag to select does not move the text under the pointer.
 */
function useScrollClearance(bar: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const measure = () => {
      barHeights.set(element, element.getBoundingClientRect().height);
      applyClearance();
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);

    const section = element.closest('section') ?? element.parentElement;
    let pressed: EventTarget | null = null;
    const onPointerDown = (event: PointerEvent) => (pressed = event.target);
    const onFocusIn = (event: FocusEvent) => {
      const field = event.target;
      const byPointer = field instanceof Node && pressed instanceof Node && field.contains(pressed);
      pressed = null;
      if (!(field instanceof HTMLElement) || byPointer || element.contains(field)) return;
      // After the browser's own scroll to the focus.
      requestAnimationFrame(() => {
        if (document.activeElement !== field) return;
        const box = field.getBoundingClientRect();
        const barTop = element.getBoundingClientRect().top;
        if (box.bottom <= barTop || box.top >= barTop) return;
        if (box.height > barTop - CLEARANCE_GAP) return;
        field.scrollIntoView({ block: 'nearest' });
      });
    };
    section?.addEventListener('pointerdown', onPointerDown, true);
    section?.addEventListener('focusin', onFocusIn);
    return () => {
      observer?.disconnect();
      section?.removeEventListener('pointerdown', onPointerDown, true);
      section?.removeEventListener('focusin', onFocusIn);
      barHeights.delete(element);
      applyClearance();
    };
  }, [bar]);
}

/**
 * The foot of a section: whether it has unsaved changes, Discard and Save, why the last save
 * failed (with a retry, keeping what was typed) and, after a save, the way to the Review tab.
 */
export function SaveBar<F>({ agentId, editor, section, saveLabel, onRetry, invalid }: SaveBarProps<F>) {
  const { dirty, saving, failure, savedAt, canEdit, conflict } = editor;
  // A save that went through disables the Save button that had the focus, which drops it to the
  // page's body: the status line, which now says it is saved, takes it, so Tab goes on from here.
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!savedAt) return;
    if (focusIsLost()) status.current?.focus({ preventScroll: true });
  }, [savedAt]);
  // Why a save failed is said above the bar, at the foot of the section, which may be far below
  // what is on screen (the bar stays in view): it is brought into view, clear of the bar.
  const failureAlert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureAlert.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  // Discarding is asked first: what is thrown away cannot be brought back. Discarded, the form is
  // drawn anew (this bar and its dialog with it) with nothing to discard: the focus goes to the
  // section's first field. Kept, it goes back to "Discard changes", as the dialog leaves it.
  const bar = useRef<HTMLDivElement>(null);
  useScrollClearance(bar);
  const [confirming, setConfirming] = useState(false);
  const discard = () => {
    const section = bar.current?.closest('section');
    setConfirming(false);
    editor.discard();
    requestAnimationFrame(() => focusFirstField(section));
  };
  return (
    <>
      {failure && (
        <Alert
          ref={failureAlert}
          mx="lg"
          mb="sm"
          style={{ scrollMarginBottom: 96 }}
          color={failure.kind === 'forbidden' ? 'gray' : 'red'}
          variant="light"
          role="alert"
          title={
            failure.kind === 'forbidden'
              ? 'You are not allowed to change this'
              : failure.kind === 'validation'
                ? 'The server did not accept these changes'
                : 'Your changes were not saved'
          }
          icon={<ConsoleIcon name="alert" />}
        >
          <Text size="sm">{failure.message}</Text>
          {failure.details.length > 0 && (
            <List size="sm" mt={4}>
              {failure.details.map((d, i) => (
                // By place: two refusals may read the same.
                <List.Item key={i}>{d.label === null ? d.message : `${d.label}: ${d.message}`}</List.Item>
              ))}
            </List>
          )}
          <Text size="sm" mt={4}>
            {failure.partial
              ? 'Part of this save went through; what is left is still here, as you typed it.'
              : 'Everything you typed is still here.'}
          </Text>
          {RETRYABLE.has(failure.kind) && (
            <Button
              mt="xs"
              size="xs"
              variant="white"
              color="red"
              onClick={onRetry}
              loading={saving}
              leftSection={<ConsoleIcon name="refresh" size={14} />}
            >
              Try again
            </Button>
          )}
        </Alert>
      )}
      <Group ref={bar} justify="space-between" px="lg" py="sm" gap="sm" className={classes.saveBar}>
        <Text
          ref={status}
          tabIndex={-1}
          size="sm"
          c={dirty ? undefined : 'dimmed'}
          role="status"
          aria-live="polite"
          className={classes.saveStatus}
        >
          {!canEdit ? (
            'Read-only'
          ) : invalid ? (
            <Text span c="red" size="sm">
              Fix the highlighted fields to save.
            </Text>
          ) : conflict ? (
            'Choose whose version to keep above.'
          ) : failure && dirty ? (
            <Text span c="red" size="sm">
              Not saved: see why above.
            </Text>
          ) : dirty ? (
            'You have unsaved changes.'
          ) : savedAt ? (
            <>
              <Text span c="teal" size="sm" fw={600}>
                Saved to staging.
              </Text>{' '}
              <Anchor component={Link} to={`/agents/${agentId}/review`} size="sm">
                Review changes
              </Anchor>
            </>
          ) : (
            'No unsaved changes.'
          )}
        </Text>
        <Group gap="sm" justify="flex-end" ml="auto" className={classes.saveButtons}>
          <EditLock locked={!canEdit}>
            <Button
              variant="default"
              onClick={() => setConfirming(true)}
              disabled={!canEdit || !dirty || saving}
              // A phone shows "Discard" alone, so both buttons fit on one line; the name stays whole.
              aria-label="Discard changes"
            >
              {/* One span: the button's label lays out its children as flex items, which drop spaces. */}
              <span>
                Discard<span className={classes.wideOnly}> changes</span>
              </span>
            </Button>
          </EditLock>
          <EditLock locked={!canEdit}>
            <Button type="submit" loading={saving} disabled={!canEdit || !dirty || conflict !== null}>
              {saveLabel}
            </Button>
          </EditLock>
        </Group>
      </Group>
      <DiscardModal
        opened={confirming}
        section={section}
        onKeep={() => setConfirming(false)}
        onDiscard={discard}
      />
    </>
  );
}
