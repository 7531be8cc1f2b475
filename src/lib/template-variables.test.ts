import { describe, expect, it } from 'vitest';
import { lengthChange, signed, templateVariableChanges, templateVariables } from './template-variables';

describe('templateVariables', () => {
  it('finds each {{variable}} once, in order of first use, tolerating inner spaces', () => {
    expect(templateVariables('Hi {{name}}, {{ company.name }} says {{name}}')).toEqual([
      'name',
      'company.name',
    ]);
  });

  it('ignores braces that are not template variables', () => {
    expect(templateVariables('{name} {{}} {{ 1abc }} {{a b}}')).toEqual([]);
  });
});

describe('templateVariableChanges', () => {
  it('lists variables added and removed by a prompt change', () => {
    expect(templateVariableChanges('Hi {{user}} from {{org}}', 'Hi {{customer_name}} from {{org}}')).toEqual({
      added: ['customer_name'],
      removed: ['user'],
    });
  });

  it('reports nothing when only the text around the variables changed', () => {
    expect(templateVariableChanges('A {{x}}', 'B {{x}} C')).toEqual({ added: [], removed: [] });
  });
});

describe('lengthChange', () => {
  it('counts characters and lines on both sides, with the difference', () => {
    expect(lengthChange('a\nb', 'a\nb\nccc')).toEqual({
      beforeChars: 3,
      afterChars: 7,
      deltaChars: 4,
      beforeLines: 2,
      afterLines: 3,
      deltaLines: 1,
    });
  });

  it('counts an empty side as no lines, so an added prompt reads as all new', () => {
    expect(lengthChange('', 'x').beforeLines).toBe(0);
  });
});

describe('signed', () => {
  it('writes a sign on every number, with a true minus', () => {
    expect(signed(1200)).toBe('+1,200');
    expect(signed(-45)).toBe('−45');
    expect(signed(0)).toBe('±0');
  });
});

describe('templateVariables on awkward text', () => {
  it('finds a variable after an unclosed or nested opening', () => {
    expect(templateVariables('{{ {{name}} and {{unclosed')).toEqual(['name']);
    expect(templateVariables('{{{x}}}')).toEqual(['x']);
  });
});
