import type { TrialFilters } from "./use-trials";

export const DEFAULT_LIMIT = 25;

/** Filters and paging live in the URL, so a filtered view can be shared and survives a reload. */
export function listHref(filters: TrialFilters, limit: number, offset: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  if (offset) q.set("offset", String(offset));
  if (limit !== DEFAULT_LIMIT) q.set("limit", String(limit));
  const s = q.toString();
  return s ? `/trials?${s}` : "/trials";
}
