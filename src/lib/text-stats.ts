/**
 * Lines in a text, counted without splitting it (a 200,000-character prompt costs no copies).
 * With `upTo`, counting stops there: whether a text is long needs no pass over all of it.
 */
export function countLines(text: string, upTo = Infinity): number {
  if (text === '') return 0;
  let lines = 1;
  let from = 0;
  for (;;) {
    const at = text.indexOf('\n', from);
    if (at < 0 || lines >= upTo) return lines;
    lines++;
    from = at + 1;
  }
}

// Made on first use: the first Intl object of a page starts the browser's locale data.
let numbers: Intl.NumberFormat | null = null;

/** "12,345 characters · 210 lines". */
export function describeTextSize(chars: number, lines: number): string {
  numbers ??= new Intl.NumberFormat('en-US');
  const c = `${numbers.format(chars)} ${chars === 1 ? 'character' : 'characters'}`;
  const l = `${numbers.format(lines)} ${lines === 1 ? 'line' : 'lines'}`;
  return `${c} · ${l}`;
}
