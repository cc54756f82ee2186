export const CONCURRENCY_POLICIES = ["Forbid", "Allow", "Replace"] as const;
export type ConcurrencyPolicy = (typeof CONCURRENCY_POLICIES)[number];

/** A schedule as the API returns it (`experiment_name` only on the cross-experiment list). */
export type Schedule = {
  id: string;
  experiment_id: string;
  experiment_name?: string;
  recurrence_pattern: string;
  recurrence_count: number | null;
  recurrence_left: number | null;
  timezone: string;
  concurrency_policy: ConcurrencyPolicy;
  starting_deadline_seconds: number | null;
  history_limit: number | null;
  paused: boolean;
  next_run_at: string | null;
  description: string;
  parameters: Record<string, unknown>;
  metadata: Record<string, unknown>;
  ticket: Record<string, unknown>;
};

/** What the form writes: every field, since PUT resets the ones it omits. */
export type ScheduleInput = Pick<
  Schedule,
  | "recurrence_pattern"
  | "recurrence_count"
  | "concurrency_policy"
  | "starting_deadline_seconds"
  | "history_limit"
  | "paused"
  | "parameters"
  | "metadata"
  | "ticket"
> &
  Partial<Pick<Schedule, "timezone">>;

export type UpcomingRun = {
  schedule: string;
  experiment: string;
  experiment_name: string;
  at: string;
  local: string;
  timezone: string;
  /** The blackout window the firing would be Skipped for, if any. */
  blackout?: string | null;
};

export type Preview = {
  timezone: string;
  description: string;
  /** `blackout`: the window that would hold the run (global, or the experiment's own when asked with ?experiment=). */
  next_runs: { utc: string; local: string; blackout?: string | null }[];
};
