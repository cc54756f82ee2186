/** ISO-8601 UTC with microseconds and `Z`, as Kallisti (Django REST Framework) prints datetimes. */
export function isoTime(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}
