import { Anchor, Box, NavLink, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import classes from './editor.module.css';
import { EDITOR_SECTIONS, type EditorSectionId } from './editor-sections';

export interface EditorNavProps {
  agentId: number;
  active: EditorSectionId;
  unsaved: readonly EditorSectionId[];
  hasUnpublishedChanges: boolean;
  /** The search string of a section's link (`?section=tools`), keeping other params. */
  hrefOf: (id: EditorSectionId) => string;
}

function UnsavedDot() {
  return (
    <>
      <Box aria-hidden className={classes.unsavedDot} />
      <VisuallyHidden>(unsaved changes)</VisuallyHidden>
    </>
  );
}

/** Which ends of a row that scrolls sideways have more of it beyond them. */
function hiddenEnds(row: HTMLElement): { start: boolean; end: boolean } {
  return {
    start: row.scrollLeft > 1,
    end: row.scrollLeft + row.clientWidth < row.scrollWidth - 1,
  };
}

/**
 * The sections of the Edit tab, each with a dot while it holds unsaved changes. On a narrow screen
 * they are one row that scrolls sideways: the open one is brought into it (the row only, never
 * the page), and an edge fades where more of the row is hidden.
 */
export function EditorNav({ agentId, active, unsaved, hasUnpublishedChanges, hrefOf }: EditorNavProps) {
  const row = useRef<HTMLElement>(null);
  const placed = useRef(false);
  const reduceMotion = useReducedMotion();
  const [ends, setEnds] = useState({ start: false, end: false });

  useEffect(() => {
    const nav = row.current;
    const link = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !link) return;
    // In the middle of the row, as far as it scrolls. scrollTo on the row, not scrollIntoView:
    // that one would scroll the page as well.
    const navBox = nav.getBoundingClientRect();
    const linkBox = link.getBoundingClientRect();
    const left = nav.scrollLeft + linkBox.left - navBox.left - (navBox.width - linkBox.width) / 2;
    const max = nav.scrollWidth - nav.clientWidth;
    if (max > 0) {
      nav.scrollTo({
        left: Math.min(Math.max(left, 0), max),
        behavior: placed.current && !reduceMotion ? 'smooth' : 'instant',
      });
    }
    placed.current = true;
  }, [active, reduceMotion]);

  useEffect(() => {
    const nav = row.current;
    if (!nav) return;
    const update = () =>
      setEnds((was) => {
        const now = hiddenEnds(nav);
        return now.start === was.start && now.end === was.end ? was : now;
      });
    update();
    nav.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      nav.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, []);

  return (
    <Stack gap="md">
      <Box
        ref={row}
        component="nav"
        aria-label="Configuration sections"
        className={classes.nav}
        // A link's "(unsaved changes)" is visually hidden by absolute positioning: held in the
        // row, it scrolls with it instead of widening the page past a phone's right edge.
        pos="relative"
        mod={{ 'more-before': ends.start, 'more-after': ends.end }}
      >
        {EDITOR_SECTIONS.map((s) => (
          <NavLink
            key={s.id}
            component={Link}
            to={hrefOf(s.id)}
            label={s.label}
            active={s.id === active}
            aria-current={s.id === active ? 'page' : undefined}
            rightSection={unsaved.includes(s.id) ? <UnsavedDot /> : null}
            variant="light"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
            fw={s.id === active ? 600 : undefined}
          />
        ))}
      </Box>
      {hasUnpublishedChanges ? (
        <Paper radius="md" p="sm" className={classes.notice}>
          <Text size="sm">Staging has changes that are not live yet.</Text>
          <Anchor component={Link} to={`/agents/${agentId}/review`} size="sm" fw={600}>
            Review changes
          </Anchor>
        </Paper>
      ) : (
        <Text size="xs" c="dimmed" px="sm">
          Staging matches production. Saved changes appear on the Review tab.
        </Text>
      )}
    </Stack>
  );
}
