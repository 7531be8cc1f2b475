/**
 * A made-up pair of texts for the diff worker to diff once when it starts, before anyone waits
 * for it: a fresh worker runs the diff's loops in the interpreter, and its first real diff of a
 * 20,000-line prompt took 90 to 150 ms where a warmed one takes 40 to 60 (headless Chromium,
 * 2 cores). The pair has what prompts have: unique lines that anchor the match, repeated ones,
 * and lines changed, added and removed here and there.
 */
export function warmUpTexts(lines = 3_000): { before: string; after: string } {
  const before: string[] = [];
  const after: string[] = [];
  for (let i = 0; i < lines; i++) {
    const line =
      i % 10 === 0
        ? ''
        : i % 7 === 0
          ? `- Cite the source of rule ${i % 50}.`
          : `Rule ${i}: answer from the sources.`;
    before.push(line);
    if (i % 31 === 0) after.push(`Rule ${i}: answer from the sources, and name them.`);
    else if (i % 47 !== 0) after.push(line);
    if (i % 53 === 0) after.push(`Added rule ${i}.`);
  }
  return { before: before.join('\n'), after: after.join('\n') };
}
