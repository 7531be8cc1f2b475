import { describe, expect, it } from 'vitest';
import { normalizeFieldPath, placeFieldErrors } from './field-errors';

describe('field errors', () => {
  it('spells wire field names the way forms do', () => {
    expect(normalizeFieldPath('instructions[2].id')).toBe('instructions.2.id');
    expect(normalizeFieldPath('body.agent_name')).toBe('agent_name');
    expect(normalizeFieldPath('tools/5/actions/9/config')).toBe('tools.5.actions.9.config');
  });

  it('puts errors at the fields the form has and keeps the rest for the section', () => {
    const known = new Set(['agent_name']);
    const placed = placeFieldErrors(
      [
        { field: 'agent_name', message: 'Too long' },
        { field: 'agent_name', message: 'Reserved' },
        { field: 'unknown_field', message: 'Nope' },
      ],
      (f) => (known.has(f) ? f : null),
    );
    expect(placed.fields).toEqual({ agent_name: 'Too long; Reserved' });
    expect(placed.rest).toEqual([{ field: 'unknown_field', message: 'Nope' }]);
  });
});
