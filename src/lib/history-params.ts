/**
 * The History tab's view state lives in the URL so a link opens the same view:
 *
 *   ?version=12              the selected record
 *   ?from=3&to=live          a compared pair; a ref is a version number, `live` or `staging`
 *   ?by=ana@example.com&q=…  the timeline's filters (publisher e-mail, text in notes)
 *
 * Links carry version numbers rather than change_track_ids: people read and type versions, and
 * a version names the same record for as long as the agent exists. `live` and `staging` follow
 * whatever is live or staged when the link is opened.
 */
import { LIMITS } from '@contract';
import { searchText } from './search-text';

export type HistoryRef = 'live' | 'staging' | number;

export interface HistoryParams {
  version: number | null;
  compare: { from: HistoryRef; to: HistoryRef } | null;
  publishedBy: string;
  q: string;
  /**
   * What the link asked for and could not be read: a comparison (`from`/`to` given, not both
   * readable, or one given twice), a version, or `versions` (two different versions named). The
   * screen then shows the latest version, and says why.
   */
  linkProblem: 'compare' | 'version' | 'versions' | null;
}

const MAX_VERSION = 2_147_483_647;

function parseVersion(raw: string | null): number | null {
  if (raw === null) return null;
  const m = /^v?(\d{1,10})$/i.exec(raw.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_VERSION ? n : null;
}

export function parseHistoryRef(raw: string | null): HistoryRef | null {
  if (raw === null) return null;
  const v = raw.trim().toLowerCase();
  if (v === 'live' || v === 'production') return 'live';
  if (v === 'staging') return 'staging';
  return parseVersion(v);
}

export function formatHistoryRef(ref: HistoryRef): string {
  return String(ref);
}

/** "Live", "Staging", "Version 3". */
export function historyRefLabel(ref: HistoryRef): string {
  if (ref === 'live') return 'Live';
  if (ref === 'staging') return 'Staging';
  return `Version ${ref}`;
}

export function parseHistoryParams(params: URLSearchParams): HistoryParams {
  // A parameter given twice with different values says nothing readable: it is a bad value, not
  // quietly its first.
  const twice = (key: string) => new Set(params.getAll(key).map((v) => v.trim())).size > 1;
  const from = twice('from') ? null : parseHistoryRef(params.get('from'));
  const to = twice('to') ? null : parseHistoryRef(params.get('to'));
  const versions = twice('version');
  const version = versions ? null : parseVersion(params.get('version'));
  const compare = from !== null && to !== null ? { from, to } : null;
  const compareAsked = params.has('from') || params.has('to');
  return {
    version,
    compare,
    // Cut to what the API takes: a longer one (a link made with a pasted note) would have the
    // whole history refused, with no field on screen to mend it. Its start still finds the note.
    publishedBy: searchText(params.get('by'), LIMITS.publisherSearch),
    q: searchText(params.get('q'), LIMITS.search),
    linkProblem:
      compareAsked && compare === null
        ? 'compare'
        : !compareAsked && versions
          ? 'versions'
          : !compareAsked && params.has('version') && version === null
            ? 'version'
            : null,
  };
}

type Patch = Partial<Record<'version' | 'from' | 'to' | 'by' | 'q', string | number | null>>;

/** A copy of `params` with `patch` applied; `null` or '' removes a parameter. Others are kept. */
export function patchParams(params: URLSearchParams, patch: Patch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/** A file name safe on every system: `agent-12-version-3.json`. */
export function jsonFileName(...parts: (string | number)[]): string {
  const slug = parts
    .map((p) =>
      String(p)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
  return `${slug || 'download'}.json`;
}
