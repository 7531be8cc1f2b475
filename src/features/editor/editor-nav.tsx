import { Anchor, Box, NavLink, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
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

/** The sections of the Edit tab, each with a dot while it holds unsaved changes. */
export function EditorNav({ agentId, active, unsaved, hasUnpublishedChanges, hrefOf }: EditorNavProps) {
  return (
    <Stack gap="md">
      <Box component="nav" aria-label="Configuration sections" className={classes.nav}>
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
