import { useState } from 'react';
import { schemaResolver, useForm, type FormMode } from '@mantine/form';
import type { SectionEditor } from './use-section-editor';

const allDirty = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(values).map((key) => [key, true]));

/**
 * A Mantine form seeded from the section editor (the draft, else staging) and checked with the
 * contract's schema; every change goes to the draft, Save goes through the editor, and server
 * field errors land at their fields. Mount it under `key={editor.formKey}`.
 */
export function useSectionForm<F extends Record<string, unknown>>(
  editor: SectionEditor<F>,
  schema: Parameters<typeof schemaResolver>[0],
  mode: FormMode = 'controlled',
) {
  // Where this mounted form started: the base of the draft its first change creates.
  const [seed] = useState(editor.seed);
  const [invalid, setInvalid] = useState(false);

  const form = useForm<F>({
    mode,
    initialValues: editor.initialValues,
    // What is unsaved comes from the draft, never from Mantine's own dirty flags. Those flags
    // re-render the whole form when one flips, which in an uncontrolled form made the first key
    // into a 200,000-character prompt the slowest of all; starting them set means typing never
    // flips them.
    initialDirty: mode === 'uncontrolled' ? allDirty(editor.initialValues) : undefined,
    initialErrors: editor.fieldErrors ?? undefined,
    validate: schemaResolver(schema, { sync: true }),
    validateInputOnBlur: true,
    onValuesChange: (values) => {
      setInvalid(false);
      editor.onValuesChange(values, seed);
    },
  });

  const submit = form.onSubmit(
    async (values) => {
      setInvalid(false);
      const errors = await editor.save(values, seed);
      if (errors) form.setErrors(errors);
    },
    () => setInvalid(true),
  );

  return { form, submit, invalid };
}
