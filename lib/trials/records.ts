/**
 * Trial records in Kallisti's shape (`trial_record`): per step list an array of
 * `{step_name, step_parameters, logs}` and a `result` entry with the final log line.
 */
export type LogLevel = "INFO" | "ERROR" | "WARNING";

export type StepLog = {
  step_name: string;
  step_parameters: Record<string, unknown>;
  logs: string[];
  // Eris extensions for the timeline; Kallisti clients ignore unknown keys.
  step?: string;
  do?: string;
  status?: string;
  started_at?: string | null;
  ended_at?: string | null;
  /** How many times the step was started: a rollback step interrupted by a dead runner runs again. */
  attempts?: number;
};

export type TrialRecords = {
  pre_steps?: StepLog[];
  steps?: StepLog[];
  post_steps?: StepLog[];
  result?: { logs: string[] }[];
};

/** `[2019-06-14T05:06:38Z - INFO] message` */
export function logLine(level: LogLevel, message: string, at: number = Date.now()): string {
  const stamp = new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
  return `[${stamp} - ${level}] ${message}`;
}

/** Kallisti names a step by its function: `k8s.terminate_pods` → `Terminate pods`. */
export function stepName(action: string): string {
  const fn = action.slice(action.indexOf(".") + 1).replaceAll("_", " ");
  return fn.charAt(0).toUpperCase() + fn.slice(1).toLowerCase();
}

/** `trial_record` holds only the keys that are present and non-empty, in Kallisti's order. */
export function publicRecords(records: TrialRecords): TrialRecords {
  const out: TrialRecords = {};
  for (const key of ["pre_steps", "steps", "post_steps", "result"] as const) {
    const v = records[key];
    if (v?.length) (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

export function withResult(records: TrialRecords, line: string): TrialRecords {
  return { ...records, result: [{ logs: [line] }] };
}
