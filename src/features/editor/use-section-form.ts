import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { schemaResolver, useForm, type FormMode } from '@mantine/form';
import { afterPointerRelease, pressedElement } from '@/lib/after-pointer-release';
import type { SectionEditor } from './use-section-editor';

/**
 * The check of a field the focus leaves. Left by pressing something else, the field is checked
 * once that press has become a click: the message under the field would move the button pressed
 * before it was released, and the click would be lost. Not at all when the press is on the form's
 * submit button: the submit checks every field, and the server may answer with its own message
 * for this one, which a later check would clear.
 */
export function checkOnLeave(event: FocusEvent | undefined, validate: () => void): void {
  const field = event?.currentTarget;
  const fieldForm =
    field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.form : null;
  const submitter = pressedElement()?.closest<HTMLButtonElement | HTMLInputElement>(
    'button[type="submit"], input[type="submit"]',
  );
  if (fieldForm && submitter?.form === fieldForm && !submitter.disabled) return;
  afterPointerRelease(validate);
}

const allDirty = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(values).map((key) => [key, true]));

/**
 * After a refused save, the first field with an error gets the focus, in the middle of the screen:
 * the message at it may be far above the Save button, or under the bar that holds it. A refusal
 * about the form as a whole (no field of its own) is brought into view instead.
 */
function showFirstError(form: HTMLFormElement | null | undefined): void {
  if (!form) return;
  const label = form.getAttribute('aria-label');
  let frames = 0;
  const show = () => {
    // A save's answer may come after the form was drawn anew: the same form, found by its name.
    const root = form.isConnected || !label ? form : document.querySelector(`form[aria-label="${label}"]`);
    const field = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) {
      field.scrollIntoView({ block: 'center' });
      field.focus({ preventScroll: true });
      if (document.activeElement === field) return;
    } else if (frames === 0) {
      root?.querySelector<HTMLElement>('[id$="-error"], [data-error]')?.scrollIntoView({ block: 'center' });
    }
    // A field that opens to show its message (a tool's configuration, which unfolds over a few
    // frames) is drawn, and takes the focus, a little later.
    if (++frames <= SHOW_ERROR_FRAMES) requestAnimationFrame(show);
  };
  // After the render that draws the messages.
  requestAnimationFrame(show);
}

/** How many frames a refused save waits for its first field with an error to be drawn. */
const SHOW_ERROR_FRAMES = 10;

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
  // Where this mounted form started: the base of the draft its first change creates; after a
  // save it was left mounted through, where that save left staging.
  const [mountSeed] = useState(editor.seed);
  const seed = editor.carriedSeed ?? mountSeed;
  // Read at each change through a ref: Mantine's list helpers (insert, remove, reorder) keep the
  // `onValuesChange` of the render that created them, whose seed a save may have moved on since.
  const seedNow = useRef(seed);
  useEffect(() => {
    seedNow.current = seed;
  }, [seed]);
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
    enhanceGetInputProps: ({ inputProps }) => {
      const validate = (inputProps as { onBlur?: () => void }).onBlur;
      return validate ? { onBlur: (event?: FocusEvent) => checkOnLeave(event, validate) } : {};
    },
    onValuesChange: (values) => {
      setInvalid(false);
      editor.onValuesChange(values, seedNow.current);
    },
  });

  // A save the form did not submit ("Keep mine" in the conflict panel, which draws the form anew
  // over their revision as it starts) is refused at fields after this form was mounted: its
  // messages go to the fields when they come, as a submit's do.
  const serverErrors = editor.fieldErrors;
  const { setErrors } = form;
  useEffect(() => {
    if (serverErrors) setErrors(serverErrors);
  }, [serverErrors, setErrors]);

  const submit = form.onSubmit(
    async (values, event) => {
      setInvalid(false);
      const element = event?.currentTarget;
      const errors = await editor.save(values, seed);
      if (errors) {
        form.setErrors(errors);
        showFirstError(element);
      }
    },
    (_errors, _values, event) => {
      setInvalid(true);
      showFirstError(event?.currentTarget);
    },
  );

  return { form, submit, invalid };
}
