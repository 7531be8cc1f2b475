/**
 * A search's text as the API takes it, from a link or a field: trimmed, cut to `max`, and without
 * NUL, which the API refuses (no stored text holds it) and which would have the whole list
 * refused, with no field on screen to mend it. What is left still finds what was meant.
 */
export function searchText(raw: string | null | undefined, max: number): string {
  return (raw ?? '').replaceAll('\u0000', '').trim().slice(0, max);
}
