/**
 * The metrics Eris keeps in its database (see db/schema.ts `metric_values`): recorded by whichever
 * process sees the event, read by whichever process serves /metrics. Bucket bounds are seconds.
 */
export type StoredCounter = { name: string; type: "counter"; help: string };
export type StoredHistogram = { name: string; type: "histogram"; help: string; buckets: readonly number[] };
export type StoredMetric = StoredCounter | StoredHistogram;

export const TRIALS_ENDED: StoredCounter = {
  name: "eris_trials_total",
  type: "counter",
  help: "Trials that reached a final status, by experiment and status.",
};

export const TRIAL_DURATION: StoredHistogram = {
  name: "eris_trial_duration_seconds",
  type: "histogram",
  // By experiment only (the counter has the status): 11 series per experiment keeps a scrape small.
  help: "How long trials that ran took (start to final status, rollback included), by experiment.",
  buckets: [5, 15, 60, 300, 900, 1800, 3600, 7200],
};

export const STEP_DURATION: StoredHistogram = {
  name: "eris_step_duration_seconds",
  type: "histogram",
  help: "How long steps ran, by phase (pre_steps, steps, post_steps), action and step status.",
  buckets: [0.05, 0.25, 1, 5, 15, 30, 60, 120, 300, 600, 1800],
};

export const FIRING_LAG: StoredHistogram = {
  name: "eris_schedule_firing_lag_seconds",
  type: "histogram",
  help: "How late a schedule slot was turned into a trial, by outcome (Scheduled or Skipped).",
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
};

export const GUARD_TRIPS: StoredCounter = {
  name: "eris_guard_trips_total",
  type: "counter",
  help: "Guards that tripped: a trial's guard stopping its trial (scope trial), or a global guard setting the signal (scope global).",
};

export const STORED_METRICS: readonly StoredMetric[] = [
  TRIALS_ENDED,
  TRIAL_DURATION,
  STEP_DURATION,
  FIRING_LAG,
  GUARD_TRIPS,
];

export type Labels = Record<string, string>;

/** The stored form of a series' labels: JSON with sorted keys, so one series is always one row. */
export const labelKey = (labels: Labels): string =>
  JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))));
