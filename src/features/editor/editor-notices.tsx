import { Alert, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { focusFirstField, focusIsLost } from '@/lib/focus';
import type { DescribedField } from '@/lib/three-way-merge';
import { ConflictPanel } from './conflict-panel';
import type { SectionEditor } from './use-section-editor';

export interface EditorNoticesProps<F> {
  editor: SectionEditor<F>;
  describe: (values: F) => Record<string, DescribedField>;
}

/**
 * What the user should know before saving a section: someone else's save that a save ran into
 * (their version beside the user's), or that staging changed under an unsaved draft.
 */
export function EditorNotices<F>({ editor, describe }: EditorNoticesProps<F>) {
  const notices = useRef<HTMLDivElement>(null);
  // "Take theirs" goes with the panel that holds it, and the focus would fall to the page's body:
  // it goes to the section's first field, drawn anew with their version, as after "Discard changes".
  const takeTheirs = () => {
    const section = notices.current?.closest('section');
    editor.takeTheirs();
    requestAnimationFrame(() => {
      if (focusIsLost()) focusFirstField(section);
    });
  };
  if (editor.conflict) {
    return (
      <Stack ref={notices} px="lg" pb="md">
        <ConflictPanel
          conflict={editor.conflict}
          revertedTo={editor.conflictRevertedTo}
          base={editor.base}
          mine={editor.initialValues}
          describe={describe}
          merge={editor.merge}
          onKeepMine={() => void editor.keepMine()}
          onTakeTheirs={takeTheirs}
          busy={editor.saving}
        />
      </Stack>
    );
  }
  if (editor.changedElsewhere && editor.dirty) {
    return (
      <Stack px="lg" pb="md">
        <Alert
          variant="light"
          color="yellow"
          radius="md"
          role="status"
          title="Staging changed while you were editing"
        >
          <Text size="sm">
            Someone saved this section after you started. Your changes are kept; when you save, their version
            is shown beside yours so you can choose.
          </Text>
        </Alert>
      </Stack>
    );
  }
  return null;
}
