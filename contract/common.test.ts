import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { controlCharacterIndex, multiLineString, oneLineString, replaceControlCharacters } from './common';
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

  it('refuses the C1 controls and the line and paragraph separators, which multi-line text keeps', () => {
    const name = oneLineString('The name');
    const prompt = multiLineString('The system prompt');
    for (let code = 0x7f; code <= 0x9f; code++) {
      const text = `ab${String.fromCharCode(code)}`;
      expect(name.safeParse(text).success, `U+${code.toString(16)}`).toBe(false);
      expect(prompt.safeParse(text).success, `U+${code.toString(16)}`).toBe(false);
    }
    expect(messages(name, 'Pay\u2028roll')).toEqual([
      {
        path: '',
        message:
          'The name cannot contain control characters such as tabs or line breaks (found U+2028 at character 4)',
      },
    ]);
    expect(name.safeParse('Pay\u2029roll').success).toBe(false);
    expect(prompt.safeParse('One.\u2028Two.\u2029Three.').success).toBe(true);
    // Latin-1 letters just above the C1 block are text.
    expect(name.safeParse('Café à la carte ¡ñ!').success).toBe(true);
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

describe('text that would read differently from what is stored', () => {
  it('refuses direction embeddings, overrides and isolates anywhere, saying what they do', () => {
    const prompt = multiLineString('The system prompt');
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(prompt.safeParse(`a${String.fromCharCode(code)}b`).success, `U+${code.toString(16)}`).toBe(
        false,
      );
      expect(oneLineString('The name').safeParse(`a${String.fromCharCode(code)}`).success).toBe(false);
    }
    expect(messages(prompt, 'Refund limit:\nUSD \u202e0001\u202c.')).toEqual([
      {
        path: '',
        message:
          'The system prompt cannot contain invisible text-direction controls, which make it read differently from what is stored (found U+202E on line 2)',
      },
    ]);
    // The marks that only set the direction of neutral characters are part of right-to-left text.
    expect(prompt.safeParse('שלום\u200f! مرحبا\u061c, hello\u200e.').success).toBe(true);
  });

  it('refuses characters that show as nothing in one-line text, and keeps joiners', () => {
    const name = oneLineString('The name');
    for (const invisible of ['\u200b', '\u2060', '\ufeff']) {
      expect(name.safeParse(`Travel${invisible}bot`).success).toBe(false);
      expect(multiLineString('The description').safeParse(`Travel${invisible}bot`).success).toBe(true);
    }
    expect(messages(name, 'Pay\u200broll')).toEqual([
      {
        path: '',
        message:
          'The name cannot contain invisible characters such as zero-width spaces (found U+200B at character 4)',
      },
    ]);
    expect(name.safeParse('👩\u200d💻 Dev helper · می\u200cخواهم').success).toBe(true);
  });

  it('refuses half of a surrogate pair, and keeps whole pairs', () => {
    expect(messages(multiLineString('An instruction'), 'ok\nbad \ud800 here')).toEqual([
      {
        path: '',
        message: 'An instruction contains a broken character, half of a UTF-16 pair (found U+D800 on line 2)',
      },
    ]);
    expect(oneLineString('A tag').safeParse('\udc00x').success).toBe(false);
    expect(oneLineString('A tag').safeParse('x\ud83d').success).toBe(false);
    expect(oneLineString('A tag').safeParse('🤖 \ud83e\udd16').success).toBe(true);
    // The first broken character wins over a later forbidden one, and the other way round.
    expect(controlCharacterIndex('a\ud800\u0000', false)).toBe(1);
    expect(controlCharacterIndex('a\u0000\ud800', false)).toBe(1);
  });

  it('quotes a path without letting its characters act', () => {
    expect(replaceControlCharacters('a\u202eb\u0000c\ud800d\ud83e\udd16')).toBe('a\ufffdb\ufffdc\ufffdd🤖');
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

  it('refuses a configuration nested too deeply, at any depth past the limit, rather than failing', () => {
    // A configuration `levels` deep: an object around arrays and objects in turn.
    const nested = (levels: number) => {
      let deep: unknown = 1;
      for (let level = 1; level < levels; level++) deep = level % 2 ? [deep] : { a: deep };
      return { a: deep };
    };
    expect(problems(nested(100))).toEqual([]);
    for (const levels of [101, 3_000, 20_000])
      expect(problems(nested(levels))).toEqual([
        'The configuration is nested too deeply (100 levels at most)',
      ]);
  });
});
