import { fromRows, type Row, toRows } from "@/components/ui/rows-editor";
import { DEFAULT_VALUES, type PresetKind, type PresetValues, presetFromPattern } from "./pattern-presets";
import type { ConcurrencyPolicy, Schedule, ScheduleInput } from "./types";

/** The form's state: numbers stay text while typed, and empty text means "none" (null). */
export type Draft = {
  preset: PresetKind;
  presetValues: PresetValues;
  pattern: string;
  timezone: string;
  policy: ConcurrencyPolicy;
  deadline: string;
  historyLimit: string;
  recurrenceCount: string;
  paused: boolean;
  /** Override the experiment's parameters for every run; values read as JSON when they parse. */
  parameters: Row[];
  /** A ticket is `{}` or exactly `{type, number}` (a change record); both empty means none. */
  ticketType: string;
  ticketNumber: string;
  metadata: Row[];
};

export function newDraft(timezone: string): Draft {
  return {
    preset: "daily",
    presetValues: DEFAULT_VALUES,
    pattern: "0 9 * * *",
    timezone,
    policy: "Forbid",
    deadline: "",
    historyLimit: "",
    recurrenceCount: "",
    paused: false,
    parameters: [],
    ticketType: "",
    ticketNumber: "",
    metadata: [],
  };
}

export function draftFrom(s: Schedule): Draft {
  const { kind, values } = presetFromPattern(s.recurrence_pattern);
  const text = (n: number | null) => (n === null ? "" : String(n));
  return {
    preset: kind,
    presetValues: values,
    pattern: s.recurrence_pattern,
    timezone: s.timezone,
    policy: s.concurrency_policy,
    deadline: text(s.starting_deadline_seconds),
    historyLimit: text(s.history_limit),
    recurrenceCount: text(s.recurrence_count),
    paused: s.paused,
    parameters: toRows(s.parameters ?? {}),
    ticketType: s.ticket?.type === undefined ? "" : String(s.ticket.type),
    ticketNumber: s.ticket?.number === undefined ? "" : String(s.ticket.number),
    metadata: toRows(s.metadata ?? {}),
  };
}

/** Non-numbers are sent as typed, so the API's own message ("A valid integer is required.") shows. */
const numberOrNull = (text: string): number | null => {
  const t = text.trim();
  if (t === "") return null;
  return /^-?\d+$/.test(t) ? Number(t) : (t as unknown as number);
};

/** robfig's `CRON_TZ=Zone ` / `TZ=Zone ` prefix: the pattern names its own zone. */
const ZONED = /^(CRON_TZ|TZ)=\S+/;

/**
 * Every field is sent: PUT resets the ones it omits. A pattern with a CRON_TZ= prefix sets the
 * zone itself: the zone field is then not sent.
 */
export function toInput(d: Draft): ScheduleInput {
  const pattern = d.pattern.trim();
  return {
    recurrence_pattern: pattern,
    ...(ZONED.test(pattern) ? {} : { timezone: d.timezone.trim() }),
    concurrency_policy: d.policy,
    starting_deadline_seconds: numberOrNull(d.deadline),
    history_limit: numberOrNull(d.historyLimit),
    recurrence_count: numberOrNull(d.recurrenceCount),
    paused: d.paused,
    parameters: fromRows(d.parameters),
    metadata: fromRows(d.metadata),
    // Half a ticket is sent as typed, so the API's message says what a ticket must be.
    ticket:
      d.ticketType.trim() || d.ticketNumber.trim() ? { type: d.ticketType.trim(), number: d.ticketNumber.trim() } : {},
  };
}
