/**
 * Schedule patterns: 5-field cron, 6-field with seconds first, 7-field with a trailing year, the
 * @-nicknames (via croner) and `@every <duration>` (our parser), each optionally behind robfig's
 * `CRON_TZ=Zone ` (or legacy `TZ=Zone `) prefix, which sets the zone the pattern runs in. One place
 * answers "is this valid", "when does it fire next" and "how do I say it to a person".
 */
import { Cron } from "croner";
import cronstrue from "cronstrue";
import { describeDuration, parseGoDuration } from "./every";
import { isValidTimezone } from "./timezone";

/** `timezone`: the zone the pattern runs in (its CRON_TZ= prefix, else the schedule's zone). */
export type Pattern =
  | { kind: "cron"; source: string; timezone: string; cron: Cron }
  | { kind: "every"; source: string; timezone: string; intervalMs: number };

export class PatternError extends Error {}

const FIELD_NAMES = ["second", "minute", "hour", "day-of-month", "month", "day-of-week", "year"];
const RANGES: Record<string, string> = {
  second: "0-59",
  minute: "0-59",
  hour: "0-23",
  day: "1-31",
  month: "1-12 or JAN-DEC",
  dayOfWeek: "0-7 or SUN-SAT",
};
const CRONER_FIELD: Record<string, string> = { day: "day-of-month", dayOfWeek: "day-of-week" };
const NICKNAMES: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** croner's messages, reworded to name the field and the allowed range (and without its off-by-one). */
function explainCronerError(source: string, message: string): string {
  const fields = source.trim().split(/\s+/);
  const offset = fields.length === 5 ? 1 : 0; // croner numbers entries with seconds first
  let m = /Invalid value for (\w+)/.exec(message);
  if (m) return `${CRONER_FIELD[m[1]] ?? m[1]} is out of range (allowed ${RANGES[m[1]] ?? "values"})`;
  m = /configuration entry (\d+) \((.*)\) contains illegal characters/.exec(message);
  if (m) {
    const name = FIELD_NAMES[Number(m[1])] ?? `field ${Number(m[1]) + 1 - offset}`;
    return `${name} field "${m[2]}" contains illegal characters`;
  }
  if (/exactly five, six, or seven/.test(message)) {
    return `expected 5 fields (minute hour day-of-month month day-of-week), 6 (seconds first) or 7 (year last), or one of ${Object.keys(NICKNAMES).join(" ")} or "@every <duration>", but got ${fields.filter(Boolean).length} field(s)`;
  }
  m = /From value is larger than to value: '(.*)'/.exec(message);
  if (m) return `range "${m[1]}" runs backwards`;
  return message.replace(/^CronPattern:\s*/, "");
}

/** robfig/cron reads `CRON_TZ=Zone ` or `TZ=Zone ` before the fields (Chaos Mesh passes it through). */
const ZONE_PREFIX = /^(CRON_TZ|TZ)=(\S*)(?:\s+|$)/;

/** The zone a pattern's CRON_TZ=/TZ= prefix names, or null when it has none. */
export function patternZone(source: string): string | null {
  return ZONE_PREFIX.exec(source.trim())?.[2] ?? null;
}

/**
 * Parses and validates a pattern in a zone (a CRON_TZ= prefix overrides it, as in robfig/cron);
 * throws PatternError with a message naming the problem.
 */
export function parsePattern(source: string, timezone = "UTC"): Pattern {
  const text = source.trim();
  // Some of croner's messages end with a period already: one is enough.
  const invalid = (why: string) =>
    new PatternError(`${text || '""'} is not a valid cron expression: ${why.replace(/\.+$/, "")}.`);
  const prefix = ZONE_PREFIX.exec(text);
  const zone = prefix ? prefix[2] : timezone;
  const spec = prefix ? text.slice(prefix[0].length) : text;
  if (prefix && !isValidTimezone(zone)) throw invalid(`"${zone}" (${prefix[1]}=) is not a valid IANA time zone`);
  if (prefix && !spec) throw invalid(`a pattern is required after ${prefix[0].trim()}`);
  if (/^@every(\s|$)/i.test(spec)) {
    const ms = parseGoDuration(spec.slice("@every".length));
    if (typeof ms !== "number") throw invalid(ms.error);
    return { kind: "every", source: text, timezone: zone, intervalMs: ms };
  }
  if (spec.toLowerCase() === "@reboot") throw invalid("@reboot has no meaning for a schedule");
  let cron: Cron;
  try {
    cron = new Cron(spec, { timezone: zone, mode: "auto" });
  } catch (err) {
    throw invalid(explainCronerError(spec, (err as Error).message));
  }
  let next: Date | null;
  try {
    next = cron.nextRun();
  } catch (err) {
    if (/timezone/i.test((err as Error).message)) throw new PatternError(`"${zone}" is not a valid IANA time zone.`);
    throw invalid((err as Error).message);
  }
  if (!next) throw invalid("it never fires after now");
  return { kind: "cron", source: text, timezone: zone, cron };
}

/**
 * The first due time strictly after `after`. For `@every`, slots are counted from `anchor` (the
 * previous due time or the creation time), so intervals never drift with the runner's lag.
 */
export function nextRunAfter(p: Pattern, after: number, anchor: number = after): number | null {
  if (p.kind === "every") {
    const steps = Math.max(1, Math.floor((after - anchor) / p.intervalMs) + 1);
    return anchor + steps * p.intervalMs;
  }
  return p.cron.nextRun(new Date(after))?.getTime() ?? null;
}

export function nextRuns(p: Pattern, count: number, after: number, anchor: number = after): number[] {
  const out: number[] = [];
  let t = after;
  let a = anchor;
  while (out.length < count) {
    const next = nextRunAfter(p, t, a);
    if (next === null) break;
    out.push(next);
    t = next;
    a = next;
  }
  return out;
}

/**
 * A sentence for people: "At 09:00, Monday through Friday", "Every 1 hour, 30 minutes"; a
 * CRON_TZ= prefix adds its zone: "At 09:00 (Asia/Tokyo)".
 */
export function describePattern(p: Pattern): string {
  const prefix = ZONE_PREFIX.exec(p.source);
  const spec = prefix ? p.source.slice(prefix[0].length) : p.source;
  const inZone = (text: string) => (prefix ? `${text} (${prefix[2]})` : text);
  if (p.kind === "every") return inZone(`Every ${describeDuration(p.intervalMs)}`);
  const expr = NICKNAMES[spec.toLowerCase()] ?? spec;
  try {
    return inZone(honestSteps(expr, cronstrue.toString(expr, { use24HourTimeFormat: true, verbose: false })));
  } catch {
    return p.source;
  }
}

/**
 * cronstrue calls `*\/7` in the minute field "Every 7 minutes", but cron restarts the count at
 * every hour: :00, :07 … :56, then :00 again 4 minutes later. When a step does not divide its
 * field's range (minutes and seconds of 60, hours of 24), say when it really fires.
 */
function honestSteps(expr: string, sentence: string): string {
  const fields = expr.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 7) return sentence;
  const withSeconds = fields.length >= 6;
  const checks: [string | undefined, number, string, (n: number) => string][] = [
    [withSeconds ? fields[0] : undefined, 60, "second", (n) => `:${String(n).padStart(2, "0")}`],
    [fields[withSeconds ? 1 : 0], 60, "minute", (n) => `:${String(n).padStart(2, "0")}`],
    [fields[withSeconds ? 2 : 1], 24, "hour", (n) => `${String(n).padStart(2, "0")}:00`],
  ];
  let out = sentence;
  for (const [field, range, unit, show] of checks) {
    const m = field ? /^(\*|\d+)\/(\d+)$/.exec(field) : null;
    if (!m) continue;
    const start = m[1] === "*" ? 0 : Number(m[1]);
    const step = Number(m[2]);
    if (step <= 0 || start >= range || (range % step === 0 && start < step)) continue;
    const at: number[] = [];
    for (let n = start; n < range; n += step) at.push(n);
    const wrap = range - at[at.length - 1] + start;
    const within = unit === "hour" ? "day" : unit === "minute" ? "hour" : "minute";
    const list = at.length > 1 ? `${at.slice(0, -1).map(show).join(", ")} and ${show(at[at.length - 1])}` : show(at[0]);
    const honest = `at ${list} of every ${within} (every ${step} ${unit}s, then ${wrap} ${unit}${wrap === 1 ? "" : "s"} from ${show(at[at.length - 1])} to ${show(start)})`;
    const said = new RegExp(`Every ${step} ${unit}s(, starting at [^,]+)?`, "i");
    const found = said.exec(out);
    if (!found) out = `${out} (${honest})`;
    else {
      const phrase = found.index === 0 ? honest.charAt(0).toUpperCase() + honest.slice(1) : honest;
      out = out.slice(0, found.index) + phrase + out.slice(found.index + found[0].length);
    }
  }
  return out;
}
