// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { SameNameWarning } from './same-name-warning';

afterEach(cleanup);

describe('SameNameWarning', () => {
  it('breaks a long name, so the rest of the sentence stays readable', () => {
    const name = 'A'.repeat(200);
    render(
      <MantineProvider>
        <SameNameWarning
          agent={{ name, project: { name: 'Care Navigation' } }}
          stillYouCan="create this one"
        />
      </MantineProvider>,
    );
    const sentence = screen.getByText(/already has an agent called/);
    expect(sentence.textContent).toContain(`“${name}”. You can still create this one`);
    expect(sentence.style.overflowWrap).toBe('anywhere');
  });
});
