/** The trial and experiment shapes the API returns, as far as the trial pages read them. */
export { TRIAL_STATUSES, type TrialStatus } from "@/lib/trials/statuses";
import type { ExperimentDefinition } from "@/components/experiments/types";
import { type TrialStatus, isActiveStatus } from "@/lib/trials/statuses";

/** While a trial is active it can still change, so its page keeps polling (and may stop it). */
export const isActive = isActiveStatus;

export type StepStatus = "running" | "succeeded" | "failed" | "stopped" | "interrupted";

export type StepLog = {
  step_name: string;
  step_parameters: Record<string, unknown>;
  logs: string[];
  step?: string;
  do?: string;
  status?: StepStatus;
  started_at?: string | null;
  ended_at?: string | null;
};

export const STEP_LISTS = ["pre_steps", "steps", "post_steps"] as const;
export type StepList = (typeof STEP_LISTS)[number];

export type { GuardCheck, GuardRecord, GuardState } from "@/lib/trials/guards";
import type { GuardRecord } from "@/lib/trials/guards";

export type TrialRecord = Partial<Record<StepList, StepLog[]>> & { result?: { logs: string[] }[] };

export type Trial = {
  id: string;
  experiment: string;
  experiment_revision: number;
  parameters: Record<string, unknown>;
  trial_record: TrialRecord;
  status: TrialStatus;
  status_reason: string | null;
  executed_at: string | null;
  completed_at: string | null;
  initiated_by: string;
  schedule: string | null;
  scheduled_for: string;
  created_at: string;
  /** What each guard saw (empty when the trial had none); Kallisti's trial_record is left as it is. */
  guard_record?: GuardRecord;
};

export type { Step as ExperimentStep } from "@/components/experiments/types";

/** What the trial pages read of the definition a trial ran (a revision, or the experiment). */
export type Experiment = Pick<ExperimentDefinition, "name" | "pre_steps" | "steps" | "post_steps"> &
  Partial<Pick<ExperimentDefinition, "guards">>;
