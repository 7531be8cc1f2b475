import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { multiLineString, oneLineString } from './common';
import { agentSettingsSchema, instructionSchema, tagSchema } from './agent';
import { actionConfigUpdateSchema } from './edits';
import { publishFormSchema } from './publish';

const messages = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

describe('one-line text', () => {
  it('refuses every C0 control character and DEL, saying which and where', () => {
    const name = oneLineString('The name');
    for (let code = 0; code < 0x20; code++) {
      expect(name.safeParse(`ab${String.fromCharCode(code)}`).success, `U+${code.toString(16)}`).toBe(false);
    }
    expect(messages(name, '🤖 Bot\u007f')).toEqual([
      {
        path: '',
        message:
          'The name cannot contain control characters such as tabs or line breaks (found U+007F at character 6)',
      },
    ]);
    expect(name.safeParse('Ünïcødé 🤖 エージェント — QA').success).toBe(true);
  });

  it('checks what was sent, before trimming, and says it once', () => {
    expect(messages(agentSettingsSchema.shape.agent_name, '\n')).toEqual([
      {
        path: '',
        message:
          'The name cannot contain control characters such as tabs or line breaks (found U+000A at character 1)',
      },
    ]);
    expect(tagSchema.parse('  hr  ')).toBe('hr');
  });
});

describe('multi-line text', () => {
  it('keeps tab, line feed and carriage return and refuses the other controls, by line', () => {
    const prompt = multiLineString('The system prompt');
    expect(prompt.safeParse('Rules:\r\n\t- one\n\t- two').success).toBe(true);
    for (const code of [0, 1, 8, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f]) {
      expect(prompt.safeParse(`a${String.fromCharCode(code)}`).success, `U+${code.toString(16)}`).toBe(false);
    }
    expect(messages(prompt, 'one\ntwo\nthr\u000cee')).toEqual([
      {
        path: '',
        message:
          'The system prompt cannot contain control characters other than tabs and line breaks (found U+000C on line 3)',
      },
    ]);
  });
});

describe('the rules on the schemas the console validates its fields with', () => {
  it('puts the message at the field', () => {
    expect(
      messages(agentSettingsSchema.pick({ agent_name: true, prefix_prompt: true }), {
        agent_name: '\u0000abc',
        prefix_prompt: 'ok\u0000',
      }),
    ).toEqual([
      {
        path: 'agent_name',
        message:
          'The name cannot contain control characters such as tabs or line breaks (found U+0000 at character 1)',
      },
      {
        path: 'prefix_prompt',
        message:
          'The system prompt cannot contain control characters other than tabs and line breaks (found U+0000 on line 1)',
      },
    ]);
    expect(messages(instructionSchema.shape.instruction, 'Cite\u0000')).toHaveLength(1);
    expect(messages(z.array(tagSchema), ['ok', 'b\u0007'])).toMatchObject([{ path: '1' }]);
    expect(messages(publishFormSchema, { note: 'Hotfix\u0000' })).toMatchObject([{ path: 'note' }]);
  });

  it('looks into every key and string of an action configuration, at any depth', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 1_000; i++) deep = [deep];
    expect(messages(actionConfigUpdateSchema, { config: { nested: deep } })).toMatchObject([
      { path: 'config' },
    ]);
    expect(messages(actionConfigUpdateSchema, { config: { 'bad\u0001key': 1 } })).toEqual([
      {
        path: 'config',
        message:
          'The configuration cannot contain control characters other than tabs and line breaks (found U+0001 in “bad\uFFFDkey”)',
      },
    ]);
    expect(
      messages(actionConfigUpdateSchema, { config: { a: { b: ['ok', 'x\u0002'] }, c: 'y\u0003' } })[0]
        ?.message,
    ).toMatch(/found U\+0002 in “a\.b\[1\]”/);
    expect(actionConfigUpdateSchema.safeParse({ config: { template: 'Line 1\n\tLine 2' } }).success).toBe(
      true,
    );
  });
});

describe('an action configuration’s size', () => {
  const problems = (config: unknown) =>
    actionConfigUpdateSchema.safeParse({ config }).error?.issues.map((issue) => issue.message) ?? [];

  it('counts bytes, as stored, not characters', () => {
    expect(problems({ text: 'é'.repeat(30_000) })).toEqual([]);
    // 40,000 é is 40,000 characters but 80,000 bytes of UTF-8.
    expect(problems({ text: 'é'.repeat(40_000) })).toEqual([
      'The configuration is too large (64 KiB at most)',
    ]);
  });

  it('refuses a configuration nested too deeply to write out, rather than failing', () => {
    let deep: unknown = {};
    for (let level = 0; level < 20_000; level++) deep = { a: deep };
    expect(problems(deep)).toEqual(['The configuration is nested too deeply']);
  });
});
