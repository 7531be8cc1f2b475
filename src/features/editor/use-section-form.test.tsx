// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useEffect, useState, type ChangeEvent } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SectionEditor } from './use-section-editor';
import { useSectionForm } from './use-section-form';

interface Values extends Record<string, unknown> {
  name: string;
  prompt: string;
}

const initial: Values = { name: 'Benefits Navigator', prompt: 'Always cite the policy.\n'.repeat(500) };

function editorStub(onValuesChange = vi.fn()): SectionEditor<Values> {
  return {
    formKey: 'settings:1:0',
    carriedSeed: null,
    initialValues: initial,
    base: initial,
    seed: { base: initial, revision: 1 },
    dirty: false,
    conflict: null,
    conflictRevertedTo: null,
    changedElsewhere: false,
    saving: false,
    failure: null,
    fieldErrors: null,
    savedAt: null,
    canEdit: true,
    onValuesChange,
    save: vi.fn(() => Promise.resolve(null)),
    discard: vi.fn(),
    keepMine: vi.fn(() => Promise.resolve(null)),
    takeTheirs: vi.fn(),
    merge: (_base, mine) => mine,
  };
}

const schema = z.object({ name: z.string().min(1), prompt: z.string() });
/** The change event a textarea fires, as Mantine reads it. */
function typed(value: string): ChangeEvent<HTMLTextAreaElement> {
  const field = document.createElement('textarea');
  field.value = value;
  return {
    nativeEvent: new Event('input'),
    currentTarget: field,
    target: field,
  } as unknown as ChangeEvent<HTMLTextAreaElement>;
}

afterEach(cleanup);

describe('useSectionForm', () => {
  it('in an uncontrolled form, hands every change on without rendering the form again', () => {
    const onValuesChange = vi.fn();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useSectionForm(editorStub(onValuesChange), schema, 'uncontrolled');
    });
    const before = renders;
    // The first key used to flip Mantine's dirty flag, which renders the whole form: with a
    // 200,000-character prompt beside it, the slowest key of all.
    act(() => {
      const { onChange } = result.current.form.getInputProps('prompt') as { onChange: (e: unknown) => void };
      onChange(typed(`${initial.prompt}!`));
      onChange(typed(`${initial.prompt}!!`));
    });
    expect(renders).toBe(before);
    expect(onValuesChange).toHaveBeenCalledTimes(2);
    expect((onValuesChange.mock.calls[1]?.[0] as Values).prompt).toBe(`${initial.prompt}!!`);
    expect(result.current.form.getValues().prompt).toBe(`${initial.prompt}!!`);
  });

  it('after a refused save, gives the focus to a field with an error drawn a few frames later', async () => {
    /** The field with the error is drawn two frames after the message, as a configuration unfolds. */
    function Late() {
      const [editor] = useState(() => ({ ...editorStub(), initialValues: { ...initial, name: '' } }));
      const { form, submit } = useSectionForm(editor, schema);
      const error = form.errors.name;
      const [drawn, setDrawn] = useState(false);
      useEffect(() => {
        if (!error) return;
        const first = requestAnimationFrame(() => {
          second = requestAnimationFrame(() => setDrawn(true));
        });
        let second = 0;
        return () => {
          cancelAnimationFrame(first);
          cancelAnimationFrame(second);
        };
      }, [error]);
      return (
        <form onSubmit={submit} noValidate aria-label="Late">
          {drawn && <input aria-label="Name" aria-invalid={Boolean(error)} />}
          <button type="submit">Save</button>
        </form>
      );
    }
    render(<Late />);
    const save = screen.getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.submit(screen.getByRole('form', { name: 'Late' }), { submitter: save });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' })));
  });
});
