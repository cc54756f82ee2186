/**
 * The trial statuses (Kallisti's strings, spaces included) and the sets every layer agrees on.
 * Framework-free so that the database schema, the runner and the dashboard import the same list.
 */
export const TRIAL_STATUSES = [
  "Scheduled",
  "In Progress",
  "Succeeded",
  "Failed",
  "Aborted",
  "Invalid",
  "Stop Initiated",
  "Stopped",
  "Skipped",
] as const;
export type TrialStatus = (typeof TRIAL_STATUSES)[number];

/** A trial in one of these can still change: queued, running, or running towards a stop. */
export const ACTIVE_STATUSES = ["Scheduled", "In Progress", "Stop Initiated"] as const satisfies readonly TrialStatus[];
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

/** A runner owns a trial in one of these: it is executing it (or its rollback). */
export const RUNNING_STATUSES = ["In Progress", "Stop Initiated"] as const satisfies readonly TrialStatus[];

/** Final: nothing changes a trial once it is in one of these. */
export const TERMINAL_STATUSES = [
  "Succeeded",
  "Failed",
  "Aborted",
  "Invalid",
  "Stopped",
  "Skipped",
] as const satisfies readonly TrialStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

const active: ReadonlySet<string> = new Set(ACTIVE_STATUSES);
export const isActiveStatus = (status: string | undefined): status is ActiveStatus =>
  status !== undefined && active.has(status);

const terminal: ReadonlySet<string> = new Set(TERMINAL_STATUSES);
export const isTerminalStatus = (status: string | undefined): status is TerminalStatus =>
  status !== undefined && terminal.has(status);
