/** IANA zone names, checked by the runtime's own tz database. */
export function isValidTimezone(tz: string): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function wallParts(ms: number, tz: string): Record<string, string> {
  return Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms (whole minutes). */
export function zoneOffsetMs(ms: number, tz: string): number {
  const p = wallParts(ms, tz);
  const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000) * 60_000;
}

/**
 * The instant that reads `ms` later on the zone's wall clock: 17:00 plus 16 hours is 09:00 the next
 * day, also across a daylight-saving change (when the hour is skipped, the first valid one after).
 */
export function addWallClock(at: number, ms: number, tz: string): number {
  const wall = at + zoneOffsetMs(at, tz) + ms;
  let guess = wall - zoneOffsetMs(wall - zoneOffsetMs(at, tz), tz);
  guess = wall - zoneOffsetMs(guess, tz);
  return Math.max(guess, at);
}

/** ISO-8601 with the zone's offset at that instant, e.g. `2026-03-09T09:00:00-04:00`. */
export function formatInZone(ms: number, tz: string): string {
  const parts = wallParts(ms, tz);
  const offsetMin = zoneOffsetMs(ms, tz) / 60_000;
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  const offset =
    offsetMin === 0
      ? "Z"
      : `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
