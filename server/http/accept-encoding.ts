/**
 * The content codings a client takes, by its Accept-Encoding header, lower case: `br;q=0` (or
 * any q of zero) refuses one. The one reading of the header, for the built files and the API's
 * cached bodies alike.
 */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) out.add(name);
  }
  return out;
}
