import { expect, test } from "vitest";
import { parseGoDuration } from "./every";
import { PatternError, describePattern, nextRunAfter, nextRuns, parsePattern, patternZone } from "./pattern";
import { formatInZone, isValidTimezone } from "./timezone";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

test("5, 6 and 7-field cron and nicknames compute their next slot", () => {
  const from = at("2026-03-06T12:00:00Z");
  expect(iso(nextRunAfter(parsePattern("*/5 * * * *"), from))).toBe("2026-03-06T12:05:00.000Z");
  expect(iso(nextRunAfter(parsePattern("*/10 * * * * *"), from))).toBe("2026-03-06T12:00:10.000Z");
  expect(iso(nextRunAfter(parsePattern("0 0 12 1 1 * 2030"), from))).toBe("2030-01-01T12:00:00.000Z");
  expect(iso(nextRunAfter(parsePattern("@hourly"), from))).toBe("2026-03-06T13:00:00.000Z");
  expect(iso(nextRunAfter(parsePattern("@daily"), from))).toBe("2026-03-07T00:00:00.000Z");
});

test("a due time is never early: the next slot is strictly after the reference", () => {
  const slot = at("2026-03-06T12:05:00Z");
  expect(iso(nextRunAfter(parsePattern("*/5 * * * *"), slot))).toBe("2026-03-06T12:10:00.000Z");
  expect(iso(nextRunAfter(parsePattern("*/5 * * * *"), slot - 1))).toBe("2026-03-06T12:05:00.000Z");
});

test("time zones and DST follow the wall clock of the zone", () => {
  const p = parsePattern("0 9 * * 1-5", "America/New_York");
  const runs = nextRuns(p, 3, at("2026-03-06T12:00:00Z")).map(iso);
  expect(runs).toEqual(["2026-03-06T14:00:00.000Z", "2026-03-09T13:00:00.000Z", "2026-03-10T13:00:00.000Z"]);
  expect(formatInZone(at("2026-03-09T13:00:00Z"), "America/New_York")).toBe("2026-03-09T09:00:00-04:00");
  expect(formatInZone(at("2026-03-06T14:00:00Z"), "America/New_York")).toBe("2026-03-06T09:00:00-05:00");
  expect(formatInZone(at("2026-03-06T14:00:00Z"), "UTC")).toBe("2026-03-06T14:00:00Z");
  expect(formatInZone(at("2026-03-06T14:00:00Z"), "Asia/Kolkata")).toBe("2026-03-06T19:30:00+05:30");
});

test("@every counts from the previous due time, so intervals never drift", () => {
  const p = parsePattern("@every 1h30m10s");
  expect(p).toMatchObject({ kind: "every", intervalMs: 5_410_000 });
  const anchor = at("2026-01-01T00:00:00Z");
  // The runner handled the slot 3 s late: the next slot is still anchor + interval.
  expect(iso(nextRunAfter(p, anchor + 3000, anchor))).toBe("2026-01-01T01:30:10.000Z");
  // After a long outage the next slot stays on the grid.
  expect(iso(nextRunAfter(p, anchor + 3 * 5_410_000 + 5, anchor))).toBe(iso(anchor + 4 * 5_410_000));
});

test("Go durations parse, and bad ones say why", () => {
  expect(parseGoDuration("90s")).toBe(90_000);
  expect(parseGoDuration("1.5h")).toBe(5_400_000);
  expect(parseGoDuration("2h45m")).toBe(9_900_000);
  expect(parseGoDuration("1500ms")).toBe(1500);
  expect(parseGoDuration("500ms")).toEqual({ error: "@every 500ms is shorter than the minimum of 1s" });
  expect(parseGoDuration("ten")).toMatchObject({ error: expect.stringContaining("is not a duration") });
  expect(parseGoDuration("")).toMatchObject({ error: expect.stringContaining("required") });
});

test.each([
  ["61 * * * *", "minute is out of range (allowed 0-59)"],
  ["0 24 * * *", "hour is out of range (allowed 0-23)"],
  ["* * 32 * *", "day-of-month is out of range (allowed 1-31)"],
  ["* * * 13 *", "month is out of range (allowed 1-12 or JAN-DEC)"],
  ["* * * * 8", "day-of-week is out of range (allowed 0-7 or SUN-SAT)"],
  ["* * *", "got 3 field(s)"],
  ["a b c d e", 'minute field "a" contains illegal characters'],
  ["5-1 * * * *", 'range "5-1" runs backwards'],
  ["@every 1x", "is not a duration"],
  ["@reboot", "@reboot has no meaning"],
  ["0 0 12 * * * 1999", "never fires after now"],
])("%s is rejected: %s", (pattern, why) => {
  expect(() => parsePattern(pattern)).toThrow(PatternError);
  expect(() => parsePattern(pattern)).toThrow(`${pattern} is not a valid cron expression: `);
  expect(() => parsePattern(pattern)).toThrow(why);
});

test("time zones are checked against the IANA database", () => {
  expect(isValidTimezone("Europe/Paris")).toBe(true);
  expect(isValidTimezone("UTC")).toBe(true);
  expect(isValidTimezone("Mars/Olympus")).toBe(false);
  expect(isValidTimezone("")).toBe(false);
});

test("descriptions read like a sentence", () => {
  expect(describePattern(parsePattern("0 9 * * 1-5"))).toBe("At 09:00, Monday through Friday");
  expect(describePattern(parsePattern("@every 1h30m"))).toBe("Every 1 hour, 30 minutes");
  expect(describePattern(parsePattern("@weekly"))).toBe("At 00:00, only on Sunday");
});

test("a CRON_TZ= or TZ= prefix (robfig/cron, Chaos Mesh) sets the zone the pattern runs in", () => {
  const from = at("2026-03-06T12:00:00Z");
  const tokyo = parsePattern("CRON_TZ=Asia/Tokyo 0 9 * * *");
  expect(tokyo.timezone).toBe("Asia/Tokyo");
  expect(iso(nextRunAfter(tokyo, from))).toBe("2026-03-07T00:00:00.000Z"); // 09:00 in Tokyo
  // The prefix wins over the zone the caller passes, as in robfig/cron.
  expect(parsePattern("TZ=Asia/Tokyo @daily", "Europe/Paris").timezone).toBe("Asia/Tokyo");
  expect(iso(nextRunAfter(parsePattern("TZ=Asia/Tokyo @daily"), from))).toBe("2026-03-06T15:00:00.000Z");
  expect(parsePattern("CRON_TZ=UTC @every 90s")).toMatchObject({ kind: "every", intervalMs: 90_000, timezone: "UTC" });
  expect(parsePattern("0 9 * * *", "Europe/Paris").timezone).toBe("Europe/Paris");
  expect(patternZone("CRON_TZ=Asia/Tokyo 5 * * * *")).toBe("Asia/Tokyo");
  expect(patternZone("5 * * * *")).toBeNull();
  expect(describePattern(tokyo)).toBe("At 09:00 (Asia/Tokyo)");
});

test("a CRON_TZ= prefix with an unknown zone or nothing after it is rejected", () => {
  expect(() => parsePattern("CRON_TZ=Mars/Olympus 0 9 * * *")).toThrow(
    'CRON_TZ=Mars/Olympus 0 9 * * * is not a valid cron expression: "Mars/Olympus" (CRON_TZ=) is not a valid IANA time zone.',
  );
  expect(() => parsePattern("CRON_TZ=Asia/Tokyo")).toThrow("a pattern is required after CRON_TZ=Asia/Tokyo");
});

test("a step that does not divide its field is described as it fires, not as 'every N'", () => {
  expect(describePattern(parsePattern("*/7 * * * *"))).toBe(
    "At :00, :07, :14, :21, :28, :35, :42, :49 and :56 of every hour (every 7 minutes, then 4 minutes from :56 to :00)",
  );
  expect(describePattern(parsePattern("*/5 */5 * * *"))).toBe(
    "Every 5 minutes, at 00:00, 05:00, 10:00, 15:00 and 20:00 of every day (every 5 hours, then 4 hours from 20:00 to 00:00)",
  );
  // Steps that divide the range stay as cronstrue says them.
  expect(describePattern(parsePattern("*/15 * * * *"))).toBe("Every 15 minutes");
  expect(describePattern(parsePattern("*/10 * * * * *"))).toBe("Every 10 seconds");
});
