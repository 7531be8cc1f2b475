import { memo, useMemo } from 'react';
import { Group, Paper, Stack, Text } from '@mantine/core';
import type { FieldChange } from '@/api/adapter';
import { classifyChange, formatTimestamp, isPromptPath, onlyReordered, toDiffText } from '@/lib/format-value';
import { lineEndingsChange } from '@/lib/line-breaks';
import { ChangeBadge } from './change-badge';
import { FieldsChange } from './fields-change';
import { hiddenCharactersChange } from './hidden-characters';
import { INSTRUCTION_ORDER_PATH, instructionOrder } from './instruction-order';
import { ListChange } from './list-change';
import { OrderChange } from './order-change';
import { PromptFacts } from './prompt-facts';
import { ScalarChange } from './scalar-change';
import { TextDiff } from './text-diff';
import { whitespaceOnlyChange } from './whitespace-change';

export interface FieldChangeViewProps {
  change: FieldChange;
  beforeLabel: string;
  afterLabel: string;
  /**
   * The other changes of its section: the instruction order reads them to tell an instruction
   * edited as well as moved from one removed and another added.
   */
  sectionChanges?: readonly FieldChange[];
}

const NO_CHANGES: readonly FieldChange[] = [];

/** One changed field as the server reported it: label, kind of change, who changed it, and the values. */
/**
 * Memoised: the review screen re-renders as the reviewer moves between changes or marks sections
 * viewed, and a change's view (a text diff of a long prompt above all) only depends on the change
 * and its section, which keep their identity as long as the diff does.
 */
export const FieldChangeView = memo(function FieldChangeView({
  change,
  beforeLabel,
  afterLabel,
  sectionChanges = NO_CHANGES,
}: FieldChangeViewProps) {
  const order = change.path === INSTRUCTION_ORDER_PATH ? instructionOrder(change, sectionChanges) : null;
  // A reorder alone reads well as a line diff of the list; with edits, a diff of texts would show
  // each edited one as removed and added.
  const kind = order?.withEdits ? 'order' : classifyChange(change.path, change.before, change.after);
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={change.label}>
      <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
        {/* The label wraps rather than being cut: a knowledge source or a tool action may have a
            long name, and a phone has little room for it. */}
        <Group gap="xs" wrap="nowrap" align="baseline" style={{ minWidth: 0 }}>
          <ChangeBadge kind={change.change} />
          <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {change.label}
          </Text>
        </Group>
        <ChangedBy by={change.modifiedBy} on={change.modifiedOn} />
      </Group>
      {kind !== 'order' && (
        <HiddenCharactersNote
          before={change.before}
          after={change.after}
          beforeLabel={beforeLabel}
          afterLabel={afterLabel}
        />
      )}
      <WhitespaceNote before={change.before} after={change.after} />
      {kind === 'scalar' && (
        <ScalarChange
          path={change.path}
          change={change.change}
          before={change.before}
          after={change.after}
          beforeLabel={beforeLabel}
          afterLabel={afterLabel}
        />
      )}
      {kind === 'order' && order && (
        <OrderChange order={order} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      )}
      {kind === 'list' && <ListChange before={change.before} after={change.after} />}
      {kind === 'fields' && (
        <FieldsChange
          before={change.before}
          after={change.after}
          beforeLabel={beforeLabel}
          afterLabel={afterLabel}
        />
      )}
      {(kind === 'text' || kind === 'json') && (
        <Stack gap="xs">
          {kind === 'text' && isPromptPath(change.path) && (
            <PromptFacts before={toDiffText(kind, change.before)} after={toDiffText(kind, change.after)} />
          )}
          {kind === 'text' && onlyReordered(change.before, change.after) && (
            <Text size="sm" c="dimmed">
              The same items in another order: the diff shows each moved one where it was and where it is now.
            </Text>
          )}
          {kind === 'text' && (
            <LineEndingsNote
              before={toDiffText(kind, change.before)}
              after={toDiffText(kind, change.after)}
              beforeLabel={beforeLabel}
              afterLabel={afterLabel}
            />
          )}
          <TextDiff
            before={toDiffText(kind, change.before)}
            after={toDiffText(kind, change.after)}
            beforeLabel={beforeLabel}
            afterLabel={afterLabel}
            granularity={kind === 'json' ? 'lines' : 'words'}
            {...oneSided(change, beforeLabel, afterLabel)}
          />
        </Stack>
      )}
    </Paper>
  );
});

interface LineEndingsNoteProps {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}

/** Line breaks that differ (CRLF and LF) change every line without a mark in the diff: said here. */
function LineEndingsNote({ before, after, beforeLabel, afterLabel }: LineEndingsNoteProps) {
  const note = useMemo(
    () => lineEndingsChange(before, after, beforeLabel, afterLabel),
    [before, after, beforeLabel, afterLabel],
  );
  if (!note) return null;
  return (
    <Text size="sm" c="var(--mantine-color-orange-text)" role="note">
      {note}
    </Text>
  );
}

interface HiddenCharactersNoteProps {
  before: unknown;
  after: unknown;
  beforeLabel: string;
  afterLabel: string;
}

/**
 * A no-break or zero-width space gained or lost reads the same on both sides (a name would show
 * as "changed" into itself): said here, as the line breaks are.
 */
function HiddenCharactersNote({ before, after, beforeLabel, afterLabel }: HiddenCharactersNoteProps) {
  const note = useMemo(
    () => hiddenCharactersChange(before, after, beforeLabel, afterLabel),
    [before, after, beforeLabel, afterLabel],
  );
  if (!note) return null;
  return (
    <Text size="sm" c="var(--mantine-color-orange-text)" role="note" mb="xs">
      {note}
    </Text>
  );
}

interface WhitespaceNoteProps {
  before: unknown;
  after: unknown;
}

/** Spaces, tabs or line breaks alone that differ show as nothing, or as an empty line: said here. */
function WhitespaceNote({ before, after }: WhitespaceNoteProps) {
  const note = useMemo(() => whitespaceOnlyChange(before, after), [before, after]);
  if (!note) return null;
  return (
    <Text size="sm" c="var(--mantine-color-orange-text)" role="note" mb="xs">
      {note}
    </Text>
  );
}

/** An added or removed item has one side only: one column says it all. */
function oneSided(change: FieldChange, beforeLabel: string, afterLabel: string) {
  if (change.change === 'added') return { mode: 'unified' as const, unifiedTitle: `Only in ${afterLabel}` };
  if (change.change === 'removed')
    return { mode: 'unified' as const, unifiedTitle: `Only in ${beforeLabel}` };
  return {};
}

interface ChangedByProps {
  by: string | null;
  on: string | null;
}

function ChangedBy({ by, on }: ChangedByProps) {
  if (!by && !on) return null;
  return (
    <Text size="xs" c="dimmed">
      Changed{by ? ` by ${by}` : ''}
      {on ? (
        <>
          {' '}
          on <time dateTime={on}>{formatTimestamp(on)}</time>
        </>
      ) : null}
    </Text>
  );
}
