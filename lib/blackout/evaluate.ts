/**
 * When a blackout window is open. A recurring window opens at each slot of its cron pattern, read in
 * its time zone (so "17:00 Europe/Paris" follows daylight saving time), and stays open for its
 * duration counted on the zone's wall clock (17:00 plus 16 hours closes at 09:00, also on the night
 * the clocks change); a fixed window spans [starts_at, ends_at). Pure functions, no database.
 */
import type { BlackoutWindow } from "@/db/schema";
import { describeDuration } from "@/lib/schedules/every";
import { describePattern, nextRunAfter, parsePattern } from "@/lib/schedules/pattern";
import { addWallClock } from "@/lib/schedules/timezone";

export type WindowRule = Pick<
  BlackoutWindow,
  | "id"
  | "name"
  | "experimentId"
  | "kind"
  | "cron"
  | "durationSeconds"
  | "timezone"
  | "startsAt"
  | "endsAt"
  | "onRunning"
>;
export type Opening = { window: WindowRule; opensAt: number; closesAt: number };

/** The opening of `w` that contains `at`, or null when `w` is closed at `at`. */
export function openingAt(w: WindowRule, at: number): Opening | null {
  if (w.kind === "fixed") {
    return w.startsAt !== null && w.endsAt !== null && w.startsAt <= at && at < w.endsAt
      ? { window: w, opensAt: w.startsAt, closesAt: w.endsAt }
      : null;
  }
  if (!w.cron || !w.durationSeconds) return null;
  const pattern = parsePattern(w.cron, w.timezone);
  if (pattern.kind !== "cron") return null;
  // The latest start at or before `at`: the opening that closes last of all that began by then.
  const start = pattern.cron.previousRuns(1, new Date(at + 1))[0]?.getTime();
  if (start === undefined) return null;
  const closesAt = addWallClock(start, w.durationSeconds * 1000, w.timezone);
  return at < closesAt ? { window: w, opensAt: start, closesAt } : null;
}

/** The window open at `at` among `windows` (the one closing last when several are). */
export function openWindow(windows: WindowRule[], at: number): Opening | null {
  let found: Opening | null = null;
  for (const w of windows) {
    const o = openingAt(w, at);
    if (o && (!found || o.closesAt > found.closesAt)) found = o;
  }
  return found;
}

/** The next time `w` opens after `at` (null when it never will). */
export function nextOpening(w: WindowRule, at: number): number | null {
  if (w.kind === "fixed") return w.startsAt !== null && w.startsAt > at ? w.startsAt : null;
  if (!w.cron) return null;
  return nextRunAfter(parsePattern(w.cron, w.timezone), at);
}

/** "At 17:00, Monday through Friday, for 16 hours (Europe/Paris)" or "from … to … (UTC)". */
export function describeWindow(w: WindowRule): string {
  if (w.kind === "fixed") {
    const iso = (ms: number | null) => (ms === null ? "?" : new Date(ms).toISOString().replace(/\.000Z$/, "Z"));
    return `from ${iso(w.startsAt)} to ${iso(w.endsAt)}`;
  }
  const when = w.cron ? describePattern(parsePattern(w.cron, w.timezone)) : "?";
  return `${when}, for ${describeDuration((w.durationSeconds ?? 0) * 1000)} (${w.timezone})`;
}

/** How a trial's reason names the window: `blackout window "freeze" (from … to …)`. */
export const windowReason = (o: Opening) => `blackout window "${o.window.name}" (${describeWindow(o.window)})`;
