/**
 * Which PostgreSQL integer each SQLite integer column becomes. SQLite stores every integer in up
 * to 8 bytes; PostgreSQL's `integer` holds 4, so each column is decided here, by what it holds.
 * A new integer column in db/schema.ts fails the generator until it is classified, so no width is
 * ever guessed.
 */

export type IntegerWidth = "bigint" | "integer";

/**
 * Epoch milliseconds passed 2^31 in January 1970: every time column is `bigint`. The schema names
 * them all `…_at` (or `at`), except the slot a trial was scheduled for.
 */
export function holdsEpochMs(column: string): boolean {
  return column === "at" || column.endsWith("_at") || column === "scheduled_for";
}

/** Counts of trials in the summary tables: a history has no fixed bound, so `bigint`. */
const TRIAL_COUNTERS: Record<string, string[]> = {
  trial_counts: ["n"],
  trial_days: ["n"],
};

/**
 * Small by nature, so `integer`: singleton row ids (always 1), revisions and lease epochs (one per
 * edit or failover), recurrence counts, durations and intervals in seconds, tolerances, delivery
 * attempts, checks per trial, and days since 1970 (about 20,000 today).
 */
const SMALL_INTEGERS: Record<string, string[]> = {
  experiments: ["revision"],
  experiment_revisions: ["revision"],
  schedules: ["recurrence_count", "recurrence_left", "starting_deadline_seconds", "history_limit"],
  trials: ["runner_epoch", "experiment_revision", "checks_passed", "checks_total"],
  trial_days: ["day"],
  runner_lease: ["id", "epoch", "restarts"],
  blackout_windows: ["duration_seconds"],
  global_guards: ["interval_seconds", "tolerance"],
  signal_state: ["id"],
  notification_settings: ["id"],
  notification_deliveries: ["attempts"],
};

export function integerWidth(table: string, column: string): IntegerWidth {
  if (holdsEpochMs(column) || TRIAL_COUNTERS[table]?.includes(column)) return "bigint";
  if (SMALL_INTEGERS[table]?.includes(column)) return "integer";
  throw new Error(
    `${table}.${column} is an integer column with no PostgreSQL width: add it to db/pg/integer-widths.ts ` +
      "(bigint for times and unbounded counts, integer for small values)",
  );
}
