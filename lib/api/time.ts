/** ISO-8601 UTC with microseconds and `Z`, as Kallisti (Django REST Framework) prints datetimes. */
export function isoTime(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  const iso = new Date(ms).toISOString();
  // "2026-11-25T10:00:00.123Z" becomes "2026-11-25T10:00:00.123000Z"; slicing, not a regular expression: a schedule's
  // embedded history formats tens of thousands of these per answer.
  return iso.endsWith("Z") && iso.charAt(iso.length - 5) === "." ? `${iso.slice(0, -1)}000Z` : iso;
}
