import { formatDuration } from "./format";
import {
  type Experiment,
  type ExperimentStep,
  isActive,
  STEP_LISTS,
  type StepList,
  type StepLog,
  type Trial,
} from "./types";

export type BarStatus = NonNullable<StepLog["status"]> | "pending" | "not run";

/** One step of the trial, run or not: the record's entry once it started, the experiment's definition always. */
export type Bar = {
  key: string;
  list: StepList;
  index: number;
  label: string;
  status: BarStatus;
  start: number | null;
  end: number | null; // null while running: the bar grows up to "now"
  /** How long the step says it will take (cm.wait's time_in_seconds), when it says so. */
  expectedMs: number | null;
  entry: StepLog | null;
  definition: ExperimentStep | null;
};

const parse = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/** `k8s.terminate_pods` → `Terminate pods`, as the runner names recorded steps. */
const nameOf = (action: string) => {
  const fn = action.slice(action.indexOf(".") + 1).replaceAll("_", " ");
  return fn.charAt(0).toUpperCase() + fn.slice(1).toLowerCase();
};

/**
 * Actions whose duration is known before they run, from their arguments as the runner recorded
 * them (templates filled in). Others grow against the clock alone.
 */
const KNOWN_DURATION_ARG: Record<string, string> = { "cm.wait": "time_in_seconds" };

function expectedMsOf(entry: StepLog | null, definition: ExperimentStep | null): number | null {
  const arg = KNOWN_DURATION_ARG[entry?.do ?? definition?.do ?? ""];
  const seconds = arg ? Number((entry?.step_parameters ?? definition?.where)?.[arg]) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/**
 * The runner records steps in order, so entry i of a list is step i of the experiment; steps
 * past the record are pending while the trial runs and "not run" once it ended (a failure or a
 * stop skips the rest).
 */
export function buildBars(trial: Trial, experiment: Experiment | undefined): Bar[] {
  const bars: Bar[] = [];
  const active = isActive(trial.status);
  const waiting = active ? "pending" : "not run";
  // A step left "running" by a crashed runner has no end; once the trial ended, it ends there.
  const fallbackEnd = active ? null : parse(trial.completed_at);
  for (const list of STEP_LISTS) {
    const recorded = trial.trial_record[list] ?? [];
    const defined = experiment?.[list] ?? [];
    for (let i = 0; i < Math.max(recorded.length, defined.length); i++) {
      const entry = recorded[i] ?? null;
      const definition = defined[i] ?? null;
      bars.push({
        key: `${list}:${i}`,
        list,
        index: i,
        label: entry?.step || definition?.step || entry?.step_name || nameOf(definition?.do ?? ""),
        status: entry ? (entry.status ?? "succeeded") : waiting,
        start: parse(entry?.started_at),
        end: entry ? (parse(entry.ended_at) ?? fallbackEnd) : null,
        expectedMs: expectedMsOf(entry, definition),
        entry,
        definition,
      });
    }
  }
  return bars;
}

export type Axis = { origin: number; span: number };

const MIN_SPAN_MS = 1000; // a trial of instant steps still gets a readable axis

/** From the first step's start to the trial's end (or now, while something runs). */
export function axisFor(bars: Bar[], trial: Trial, now: number): Axis | null {
  let origin = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const b of bars) {
    if (b.start === null) continue;
    origin = Math.min(origin, b.start);
    last = Math.max(last, b.end ?? now);
    // A running step of known length reserves its whole length: its bar grows towards the end.
    if (b.end === null && b.expectedMs !== null) last = Math.max(last, b.start + b.expectedMs);
  }
  if (!Number.isFinite(origin)) return null;
  const completed = parse(trial.completed_at);
  if (completed !== null) last = Math.max(last, completed);
  else if (isActive(trial.status)) last = Math.max(last, now);
  return { origin, span: Math.max(MIN_SPAN_MS, last - origin) };
}

export type Placement = { left: number; width: number; remaining: number };

/**
 * Left offset and width in percent of the axis; a running bar ends at `now`, and `remaining` is
 * the part of a known duration still to come (drawn as an outline after the bar).
 */
export function placeBar(bar: Bar, axis: Axis | null, now: number): Placement | null {
  if (!axis || bar.start === null) return null;
  const pct = (ms: number) => (ms / axis.span) * 100;
  const end = bar.end ?? now;
  const left = pct(bar.start - axis.origin);
  const width = Math.max(0, Math.min(100 - left, pct(end - bar.start)));
  const expectedEnd = bar.end === null && bar.expectedMs !== null ? bar.start + bar.expectedMs : end;
  return { left, width, remaining: Math.max(0, Math.min(100 - left - width, pct(expectedEnd - end))) };
}

/** "42 s of 120 s" for a running step of known length; null otherwise. */
export function stepProgress(bar: Bar, now: number): { elapsed: number; total: number } | null {
  if (bar.status !== "running" || bar.start === null || bar.expectedMs === null) return null;
  const total = Math.round(bar.expectedMs / 1000);
  return { elapsed: Math.min(total, Math.max(0, Math.floor((now - bar.start) / 1000))), total };
}

export const barDuration = (bar: Bar, now: number) =>
  bar.start === null ? "" : formatDuration((bar.end ?? now) - bar.start);

export const LIST_TITLES: Record<StepList, string> = {
  pre_steps: "Pre-steps",
  steps: "Steps",
  post_steps: "Post-steps",
};
