/**
 * Time arguments of the `prom` actions. Kallisti hands `when`, `start` and `end` to Python's
 * dateparser, which accepts almost anything; we accept the forms experiments actually use and
 * reject the rest loudly, so a typo never silently queries the wrong moment.
 */
import { FailedAction } from "../types";

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/** Long and short spellings → the unit letter above ("mins" → "m"). */
const UNIT_ALIASES: Record<string, string> = {
  ms: "ms",
  millisecond: "ms",
  milliseconds: "ms",
  s: "s",
  sec: "s",
  secs: "s",
  second: "s",
  seconds: "s",
  m: "m",
  min: "m",
  mins: "m",
  minute: "m",
  minutes: "m",
  h: "h",
  hr: "h",
  hrs: "h",
  hour: "h",
  hours: "h",
  d: "d",
  day: "d",
  days: "d",
  w: "w",
  week: "w",
  weeks: "w",
};

const AGO = /^(?:(\d+(?:\.\d+)?)\s*|(an?)\s+)([a-z]+)\s+ago$/;
// Date-only, or date and time with optional fraction and zone. Date.parse alone would also take
// "March 7" or "7/3/2024", whose meaning depends on the engine, so the shape is checked first.
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const UNIX = /^\d+(?:\.\d+)?$/;
// Prometheus duration syntax: "1d", "90m", "1h30m", "500ms".
const DURATION = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;

const HELP =
  'expected "now", "<N> seconds|minutes|hours|days|weeks ago" (or "5m ago"), an ISO-8601 time or unix seconds';

/**
 * A point in time → unix seconds. `now` (ms) is injectable so tests are exact.
 * ISO times without a zone are read as UTC, Prometheus's own zone, not the server's local zone.
 */
export function parseTime(input: string | number, now: number = Date.now()): number {
  if (typeof input === "number") {
    if (Number.isFinite(input) && input >= 0) return input;
    throw new FailedAction(`failed to parse '${input}': ${HELP}`);
  }
  const text = input.trim().toLowerCase();
  if (text === "now") return now / 1000;
  if (UNIX.test(text)) return Number(text);
  const ago = AGO.exec(text);
  if (ago) {
    const unit = Object.hasOwn(UNIT_ALIASES, ago[3]) ? UNIT_ALIASES[ago[3]] : undefined;
    if (unit) {
      const amount = ago[2] ? 1 : Number(ago[1]);
      return now / 1000 - amount * UNIT_SECONDS[unit];
    }
  }
  const iso = ISO.exec(input.trim());
  if (iso) {
    const normalized = input.trim().toUpperCase().replace(" ", "T");
    // A date-time without a zone would be local time to Date.parse; pin it to UTC.
    const zoned = normalized.includes("T") && !iso[1] ? `${normalized}Z` : normalized;
    const ms = Date.parse(zoned);
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  throw new FailedAction(`failed to parse '${input}': ${HELP}`);
}

/** A window or step: a Prometheus duration ("1d", "1h30m") or a number of seconds → seconds. */
export function parseDuration(input: string | number): number {
  let seconds = Number.NaN;
  if (typeof input === "number") seconds = input;
  else {
    const text = input.trim().toLowerCase();
    if (UNIX.test(text)) seconds = Number(text);
    else if (DURATION.test(text)) {
      seconds = 0;
      for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) seconds += Number(n) * UNIT_SECONDS[unit];
    }
  }
  if (Number.isFinite(seconds) && seconds > 0) return seconds;
  throw new FailedAction(`failed to parse duration '${input}': expected e.g. "30s", "5m", "1h30m", "1d" or seconds`);
}

/** Seconds as Prometheus's API takes them: a decimal with millisecond precision. */
export const formatSeconds = (seconds: number): string => String(Math.round(seconds * 1000) / 1000);
