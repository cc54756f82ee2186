import type { Schedule } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import { type Pattern, PatternError, nextRunAfter, parsePattern, patternZone } from "./pattern";
import { isValidTimezone } from "./timezone";

/**
 * Parses a schedule's pattern in its zone, or answers 400 naming the field at fault (`field`: the
 * name the caller used, `recurrence_pattern` in a body, `pattern` in the preview's query). A
 * CRON_TZ= prefix names the zone itself: the pattern's own message says when that zone is unknown.
 */
export function checkPattern(pattern: string, timezone: string, field = "recurrence_pattern"): Pattern {
  if (patternZone(pattern) === null && !isValidTimezone(timezone)) {
    throw new AppError("validation", "Invalid time zone.", {
      fields: { timezone: [`"${timezone}" is not a valid IANA time zone, e.g. "Europe/Paris" or "UTC".`] },
    });
  }
  try {
    return parsePattern(pattern, timezone);
  } catch (err) {
    if (err instanceof PatternError) {
      throw new AppError("validation", err.message, { fields: { [field]: [err.message] } });
    }
    throw err;
  }
}

/**
 * The zone a schedule runs in: its pattern's CRON_TZ=/TZ= prefix when it has one, else `given`,
 * else `fallback`. A `given` zone that differs from the prefix's is a 400 naming timezone: the
 * schedule would not run where one of the two says.
 */
export function scheduleZone(pattern: string, given: string | undefined, fallback: string): string {
  const zone = patternZone(pattern);
  if (zone === null) return given ?? fallback;
  if (given !== undefined && given !== zone) {
    const prefix = pattern.trim().split(/\s/)[0];
    const message = `The pattern sets the time zone "${zone}" (${prefix}): give the same zone here, or leave timezone out.`;
    throw new AppError("validation", message, { fields: { timezone: [message] } });
  }
  return zone;
}

type Timing = Pick<
  Schedule,
  "recurrencePattern" | "timezone" | "paused" | "recurrenceCount" | "recurrenceLeft" | "deletedAt" | "lastScheduledAt"
>;

/**
 * The next due slot after `now`, or null when the schedule cannot fire: deleted, paused, or its
 * recurrence count ran down. `@every` counts from the last handled slot (or from `now` when there is none).
 */
export function computeNextRun(s: Timing, now: number): number | null {
  if (s.deletedAt !== null || s.paused) return null;
  if (s.recurrenceCount !== null && (s.recurrenceLeft ?? 0) <= 0) return null;
  const pattern = parsePattern(s.recurrencePattern, s.timezone);
  return nextRunAfter(pattern, now, s.lastScheduledAt ?? now);
}
