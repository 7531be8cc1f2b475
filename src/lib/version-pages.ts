/**
 * Links name publish records by version; the API pages the history newest first and looks
 * records up by change_track_id. Versions count up from 1 per agent, so version `v` sits at
 * position `latest - v` of the unfiltered history. Where versions have gaps the record can only
 * sit earlier (fewer records lie between it and the newest), so the search walks back a page at
 * a time from the estimate.
 */
export function versionPageOrder(latest: number, version: number, perPage: number, maxPages = 5): number[] {
  if (!Number.isInteger(version) || version < 1 || version > latest || perPage < 1) return [];
  const estimate = Math.floor((latest - version) / perPage) + 1;
  const pages: number[] = [];
  for (let p = estimate; p >= 1 && pages.length < maxPages; p--) pages.push(p);
  return pages;
}
