/**
 * The server's 422 names fields the way the wire does (`agent_name`, `instructions[2].id`,
 * `body.config`); forms name them with dots (`instructions.2.id`). One spelling for both.
 */
export function normalizeFieldPath(field: string): string {
  return field
    .replace(/^(body|data)[./]/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\./, '');
}

export interface FieldMessage {
  field: string;
  message: string;
}

/**
 * Splits server field errors into those the form can show at a field (`map` gives the form
 * path, or null when the form has no such field) and the rest, shown for the whole section.
 */
export function placeFieldErrors(
  details: readonly FieldMessage[],
  map: (field: string) => string | null,
): { fields: Record<string, string>; rest: FieldMessage[] } {
  const fields: Record<string, string> = {};
  const rest: FieldMessage[] = [];
  for (const d of details) {
    const path = map(normalizeFieldPath(d.field));
    if (path === null) rest.push(d);
    else fields[path] = fields[path] ? `${fields[path]}; ${d.message}` : d.message;
  }
  return { fields, rest };
}
