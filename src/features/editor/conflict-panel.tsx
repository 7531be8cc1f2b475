import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { TimeAgo } from '@/components/time-ago';
import { deepEqual } from '@/lib/deep-equal';
import { focusIsLost } from '@/lib/focus';
import { threeWayRows, type DescribedField, type ThreeWayRow } from '@/lib/three-way-merge';
import type { Conflict } from './draft-store';
import classes from './editor.module.css';
import { ValueView } from './value-view';

export interface ConflictPanelProps<F> {
  conflict: Conflict<F>;
  /** The version an admin reverted staging to, when their save was that revert. */
  revertedTo?: number | null;
  base: F;
  mine: F;
  describe: (values: F) => Record<string, DescribedField>;
  /** What "keep mine" saves (the user's changes on top of theirs), shown as "yours". */
  merge: (base: F, mine: F, theirs: F) => F;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy: boolean;
}

/**
 * A save that ran into someone else's: who saved and when, their value beside the user's for
 * every line either changed, and the two ways out. Both versions are kept until one is chosen.
 */
export function ConflictPanel<F>({
  conflict,
  revertedTo = null,
  base,
  mine,
  describe,
  merge,
  onKeepMine,
  onTakeTheirs,
  busy,
}: ConflictPanelProps<F>) {
  const described = useMemo(() => describe(base), [describe, base]);
  const rows = useMemo(
    () => threeWayRows(described, describe(mine), describe(conflict.theirs)),
    [described, describe, mine, conflict.theirs],
  );
  // "Yours" is what "keep mine" would save: the user's changes as they land on top of theirs
  // (an order of instructions, say, with theirs added where the merge puts them), numbered so.
  const kept = useMemo(
    () => describe(merge(base, mine, conflict.theirs)),
    [describe, merge, base, mine, conflict.theirs],
  );
  // What they changed and the user did not is said in a sentence, as kept either way, only where
  // "keep mine" does keep it; where it does not (a default knowledge source, which only one can
  // be), the line is in the table with what "keep mine" saves.
  const keptTheirs = (r: ThreeWayRow) => !r.changedByMe && deepEqual(kept[r.key]?.value, r.theirs);
  // A line is named as "Keep mine" leaves it; one the user deleted, as they found it: named where
  // they moved it ("Instruction 1" after their reorder), it reads as another line of the table.
  const labelOf = (r: ThreeWayRow) =>
    kept[r.key]?.label ??
    (r.changedByMe && r.mine === undefined ? described[r.key]?.label : undefined) ??
    r.label;
  const mineRows = rows.filter((r) => !keptTheirs(r));
  const theirOnly = rows.filter(keptTheirs);

  // The choice is what the section waits for: the panel is brought into view (the Save that ran
  // into it may be far below) and, unless the person is busy elsewhere, given the focus, which
  // the disabled Save button has just lost.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    element.scrollIntoView({ block: 'nearest' });
    if (focusIsLost() || element.closest('section')?.contains(document.activeElement)) {
      element.focus({ preventScroll: true });
    }
  }, [conflict.revision]);

  return (
    <Alert
      ref={panel}
      tabIndex={-1}
      color="orange"
      variant="light"
      radius="md"
      title="Someone else changed this section while you were editing"
      role="alert"
      // The body may shrink below the table's width, so that on a phone the table scrolls sideways
      // inside it instead of widening the panel past its clipped edge (the heading, the sentence
      // and "Take theirs" cut off with it).
      styles={{ body: { minWidth: 0 }, message: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap="sm">
        <Text size="sm">
          <strong>{conflict.by}</strong>{' '}
          {revertedTo === null ? 'saved staging' : `reverted staging to version ${revertedTo}`}{' '}
          <TimeAgo value={conflict.on} /> (revision {conflict.revision}). Your changes are not saved yet; both
          versions are kept here until you choose.
        </Text>
        {/* On a phone each field is a card, theirs above yours (editor.module.css): side by side, the
            second column scrolled out of sight. The roles keep it a table once rows no longer show as rows. */}
        <Table.ScrollContainer minWidth={560} classNames={{ scrollContainerInner: classes.conflictInner }}>
          <Table
            verticalSpacing="xs"
            layout="fixed"
            aria-label="Their version and yours"
            className={classes.conflictTable}
            role="table"
          >
            <Table.Thead role="rowgroup">
              <Table.Tr role="row">
                <Table.Th w="22%" role="columnheader">
                  Field
                </Table.Th>
                <Table.Th role="columnheader">{THEIRS}</Table.Th>
                <Table.Th role="columnheader">{YOURS}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody role="rowgroup">
              {mineRows.map((row) => (
                <Table.Tr key={row.key} role="row">
                  <Table.Td valign="top" role="cell">
                    <Stack gap={4} align="flex-start">
                      <Text size="sm" fw={600}>
                        {labelOf(row)}
                      </Text>
                      {row.changedByMe && row.changedByThem && !deepEqual(row.mine, row.theirs) && (
                        <Badge size="xs" color="orange" variant="filled">
                          Both changed
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td valign="top" role="cell">
                    <ColumnLabel>{THEIRS}</ColumnLabel>
                    {row.changedByThem ? (
                      <ValueView value={row.theirsShown} />
                    ) : row.base === undefined ? (
                      <Text size="sm" c="dimmed">
                        Not there: you added it
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Unchanged by them
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td valign="top" role="cell">
                    <ColumnLabel>{YOURS}</ColumnLabel>
                    {row.changedByMe && row.mine === undefined ? (
                      <Deleted value={row.base} />
                    ) : (
                      <ValueView value={row.key in kept ? shownOf(kept[row.key]) : row.mineShown} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {theirOnly.length > 0 && (
          <Text size="sm" c="dimmed">
            {theirOnlySentence(theirOnly, labelOf)}
          </Text>
        )}
        <Group gap="sm">
          <Button color="orange" onClick={onKeepMine} loading={busy}>
            Keep mine and save
          </Button>
          <Button variant="default" onClick={onTakeTheirs} disabled={busy}>
            Take theirs
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          “Keep mine” saves what “Yours” shows: your changes on top of theirs, yours where you both changed
          the same thing. “Take theirs” drops your unsaved changes in this section and shows staging as it is
          now.
        </Text>
      </Stack>
    </Alert>
  );
}

const THEIRS = 'Theirs (in staging now)';
const YOURS = 'Yours (saved by “Keep mine”)';

/** A column's heading inside its cell, seen where a row shows as a card (a phone): for the eye only. */
function ColumnLabel({ children }: { children: string }) {
  return (
    <Text component="span" size="xs" c="dimmed" fw={600} className={classes.conflictLabel} aria-hidden>
      {children}
    </Text>
  );
}

/**
 * What they changed that the user did not touch: it takes their value whichever way the user
 * chooses, while the form (the user's draft) still shows it as it was when they started.
 */
function theirOnlySentence(rows: readonly ThreeWayRow[], labelOf: (row: ThreeWayRow) => string): string {
  const added = rows.filter((r) => r.base === undefined).map(labelOf);
  const deleted = rows.filter((r) => r.theirs === undefined).map(labelOf);
  const changed = rows.filter((r) => r.base !== undefined && r.theirs !== undefined).map(labelOf);
  const parts = [
    added.length > 0 && `added ${listOf(added)}`,
    changed.length > 0 && `changed ${listOf(changed)}`,
    deleted.length > 0 && `deleted ${listOf(deleted)}`,
  ].filter((p): p is string => p !== false);
  const one = rows.length === 1;
  return (
    `They also ${listOf(parts)}. You did not touch ${one ? 'it' : 'these'}, so staging keeps ` +
    `theirs whichever you choose; the form below shows ${one ? 'it' : 'them'} as you found ${one ? 'it' : 'them'}.`
  );
}

const listOf = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** How a described line reads (its display, else its value); undefined when it is not there. */
const shownOf = (field: DescribedField | undefined) => (field ? (field.display ?? field.value) : undefined);

/** A line the user removed: said so, with what it held, so the row says which one it was. */
function Deleted({ value }: { value: unknown }) {
  return (
    <Stack gap={4} align="flex-start">
      <Badge size="xs" color="red" variant="light">
        You deleted it
      </Badge>
      <Text size="sm" c="dimmed" td="line-through" style={{ overflowWrap: 'anywhere' }}>
        {typeof value === 'string' ? value : JSON.stringify(value)}
      </Text>
    </Stack>
  );
}
