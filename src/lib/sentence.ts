/**
 * `text` ending as a sentence does, to be followed by another: the server's messages often end
 * without a full stop ("Your role cannot roll back agents"), and two would read as one.
 */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
