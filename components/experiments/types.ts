/** The API's shapes, as the dashboard reads them (see lib/experiments/schemas.ts for the source). */
export type Step = { step?: string; do: string; where: Record<string, unknown>; expect?: Record<string, unknown>[] };

/**
 * A probe run every `interval_seconds` alongside the steps; more than `tolerance` failures in a row
 * stop the trial. The wizard may hold a half-typed number: the API then names the field.
 */
export type Guard = Step & { name?: string; interval_seconds: number | string; tolerance: number | string };

/** What an experiment is, without the server's bookkeeping: what we send, export and import. */
export type ExperimentDefinition = {
  name: string;
  description: string;
  metadata: Record<string, unknown>;
  parameters: Record<string, unknown>;
  pre_steps: Step[];
  steps: Step[];
  post_steps: Step[];
  guards: Guard[];
};

export type Experiment = ExperimentDefinition & {
  id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Grows with every change to the definition; trials record the one they ran. */
  revision: number;
};

/** The definition as it was at one revision, with who made it and when. */
export type Revision = ExperimentDefinition & { revision: number; created_by: string; created_at: string };

/** A save's answer: the experiment, and what will fail when it runs (credentials not allowed, ...). */
export type SaveWarning = { field: string; message: string };
export type SavedExperiment = Experiment & { warnings?: SaveWarning[] };

export const STEP_LISTS = ["pre_steps", "steps", "post_steps"] as const;
export type StepList = (typeof STEP_LISTS)[number];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const asList = <T = Step>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** Keeps only the definition's keys (drops id, created_by, …), so a fetched or imported document can be re-sent. */
export function toDefinition(source: unknown): ExperimentDefinition {
  const s = isRecord(source) ? source : {};
  return {
    name: typeof s.name === "string" ? s.name : "",
    description: typeof s.description === "string" ? s.description : "",
    metadata: isRecord(s.metadata) ? s.metadata : {},
    parameters: isRecord(s.parameters) ? s.parameters : {},
    pre_steps: asList(s.pre_steps),
    steps: asList(s.steps),
    post_steps: asList(s.post_steps),
    guards: asList<Guard>(s.guards),
  };
}

/** What an export holds: as the API's export, `guards` only when there are some (Kallisti's keys otherwise). */
export function toExportable(d: ExperimentDefinition): Omit<ExperimentDefinition, "guards"> & { guards?: Guard[] } {
  const { guards, ...rest } = d;
  return guards.length ? d : rest;
}
