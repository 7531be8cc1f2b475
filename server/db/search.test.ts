import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { containsSql, searchParams } from './search';

/** A table of texts searched the way the repositories search: folded, on any database we open. */
function texts(values: (string | null)[]) {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)');
  const insert = db.prepare('INSERT INTO t (text) VALUES (?)');
  for (const value of values) insert.run(value);
  const search = db.prepare(`SELECT text FROM t WHERE ${containsSql('text', 'q')} ORDER BY id`).pluck();
  return (needle: string) => search.all(searchParams('q', needle));
}

describe('containsSql', () => {
  it('finds text in any case and any script, whether the text is ASCII or not', () => {
    const find = texts(['Ünïcødé 🤖 エージェント — QA', 'Benefits Navigator', 'Straße Helper', null]);
    expect(find('ünïcødé')).toEqual(['Ünïcødé 🤖 エージェント — QA']);
    expect(find('ÜNÏCØDÉ')).toEqual(['Ünïcødé 🤖 エージェント — QA']);
    expect(find('エージェント')).toEqual(['Ünïcødé 🤖 エージェント — QA']);
    expect(find('qa')).toEqual(['Ünïcødé 🤖 エージェント — QA']);
    expect(find('NAVIG')).toEqual(['Benefits Navigator']);
    expect(find('strasse')).toEqual(['Straße Helper']);
    expect(find('zzz')).toEqual([]);
  });

  it('takes % and _ literally, in ASCII text and in any other', () => {
    const find = texts([
      'Explains 100% of denials',
      'Erklärt 100% der Fälle',
      'snake_case',
      'Ärzte_liste',
      'plain',
    ]);
    expect(find('100%')).toEqual(['Explains 100% of denials', 'Erklärt 100% der Fälle']);
    expect(find('%')).toEqual(['Explains 100% of denials', 'Erklärt 100% der Fälle']);
    expect(find('_')).toEqual(['snake_case', 'Ärzte_liste']);
    // As LIKE wildcards these would match "snake", "Ärzte", "s 100% o" and "Ärzte_liste".
    expect(find('n_k')).toEqual([]);
    expect(find('Ä_Z')).toEqual([]);
    expect(find('s%o')).toEqual([]);
    expect(find('ä%e')).toEqual([]);
    expect(find('\\')).toEqual([]);
  });
});
