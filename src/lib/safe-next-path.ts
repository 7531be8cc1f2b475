/**
 * Where to go after signing in. `next` comes from the URL, so anyone can craft it: only a path
 * on this origin is followed (no `//host`, no `https:`, no `javascript:`), and never the sign-in
 * page itself, which would loop.
 */
const PROBE_ORIGIN = 'http://console.invalid';
export const DEFAULT_AFTER_SIGN_IN = '/agents';
export const SIGN_IN_PATH = '/sign-in';

export function safeNextPath(
  raw: string | null | undefined,
  fallback: string = DEFAULT_AFTER_SIGN_IN,
): string {
  if (!raw || raw.length > 2048) return fallback;
  // Only absolute paths; `//` and `/\` are read by browsers as another host.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // Control characters (tabs and newlines are stripped by URL parsers) can smuggle a scheme or host.
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return fallback;
  }
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in URL that brings the user back to `here` (a path with its search) afterwards. */
export function signInPathFor(here: string | null | undefined): string {
  const next = here ? safeNextPath(here, '') : '';
  if (!next || next === '/' || next === DEFAULT_AFTER_SIGN_IN) return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?${new URLSearchParams({ next }).toString()}`;
}
