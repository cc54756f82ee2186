/**
 * `@every <duration>` in Go's time.ParseDuration syntax (robfig/cron, Chaos Mesh): a sequence of
 * decimal numbers with units, e.g. `1h30m10s`, `90s`, `1.5h`, `500ms`.
 */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

export const MIN_EVERY_MS = 1000;
/** Go's time.Duration is an int64 of nanoseconds: at most 2562047h47m16.854775807s (about 292 years). */
export const MAX_EVERY_MS = 9_223_372_036_854;

/**
 * A Go duration (time.ParseDuration, unsigned) in milliseconds, or an error message saying where
 * it stops being one. No bounds: callers apply their own.
 */
export function goDurationMs(text: string): number | { error: string } {
  const s = text.trim();
  if (!s) return { error: "a duration is required, e.g. 1h30m" };
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < s.length) {
    const at = PART.lastIndex;
    const m = PART.exec(s);
    if (!m) {
      return {
        error: `"${s}" is not a duration: expected numbers with units h, m, s, ms (e.g. 1h30m10s), problem at "${s.slice(at)}"`,
      };
    }
    total += Number(m[1]) * UNIT_MS[m[2]];
  }
  return Math.floor(total);
}

/** Milliseconds, or an error message naming the problem. */
export function parseGoDuration(text: string): number | { error: string } {
  const s = text.trim();
  if (!s) return { error: "a duration is required after @every, e.g. @every 1h30m" };
  const total = goDurationMs(s);
  if (typeof total !== "number") return total;
  if (total < MIN_EVERY_MS) return { error: `@every ${s} is shorter than the minimum of 1s` };
  if (!(total <= MAX_EVERY_MS)) return { error: `@every ${s} is longer than the maximum of 2562047h` };
  return total;
}

/** `5400000` → `1 hour, 30 minutes`. */
export function describeDuration(ms: number): string {
  const parts: string[] = [];
  const units: [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
    [1000, "second"],
    [1, "millisecond"],
  ];
  let rest = ms;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? "" : "s"}`);
    rest -= n * size;
  }
  return parts.join(", ");
}
