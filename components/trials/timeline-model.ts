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
  }
  if (!Number.isFinite(origin)) return null;
  const completed = parse(trial.completed_at);
  if (completed !== null) last = Math.max(last, completed);
  else if (isActive(trial.status)) last = Math.max(last, now);
  return { origin, span: Math.max(MIN_SPAN_MS, last - origin) };
}

/** Left offset and width in percent of the axis; a running bar ends at `now`. */
export function placeBar(bar: Bar, axis: Axis | null, now: number): { left: number; width: number } | null {
  if (!axis || bar.start === null) return null;
  const end = bar.end ?? now;
  const left = ((bar.start - axis.origin) / axis.span) * 100;
  return { left, width: Math.max(0, Math.min(100 - left, ((end - bar.start) / axis.span) * 100)) };
}

export const barDuration = (bar: Bar, now: number) =>
  bar.start === null ? "" : formatDuration((bar.end ?? now) - bar.start);

export const LIST_TITLES: Record<StepList, string> = {
  pre_steps: "Pre-steps",
  steps: "Steps",
  post_steps: "Post-steps",
};
