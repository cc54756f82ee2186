import type { Experiment, ExperimentRevision, Guard, Step } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import { credentialWarnings } from "@/lib/credentials/warnings";
import type { ExperimentOut, GuardInput, RevisionOut, SavedExperimentOut } from "./schemas";

/** Stored guards: a step's keys, then the guard's own (`name` omitted when empty). */
export function normaliseGuard(g: GuardInput): Guard {
  return {
    ...(g.name ? { name: g.name } : {}),
    ...normaliseStep(g),
    interval_seconds: g.interval_seconds,
    tolerance: g.tolerance,
  };
}

/** Stored steps keep only the known keys; `step` is omitted when empty, `expect` when absent. */
export function normaliseStep(s: {
  step?: string | null;
  do: string;
  where: Record<string, unknown>;
  expect?: Record<string, unknown>[];
}): Step {
  return {
    ...(s.step ? { step: s.step } : {}),
    do: s.do,
    where: s.where,
    ...(s.expect !== undefined ? { expect: s.expect } : {}),
  };
}

export function toPublicExperiment(e: Experiment): ExperimentOut {
  return maskSecrets({
    id: e.id,
    name: e.name,
    description: e.description,
    metadata: e.metadata,
    parameters: e.parameters,
    pre_steps: e.preSteps,
    steps: e.steps,
    post_steps: e.postSteps,
    created_by: e.createdBy,
    created_at: isoTime(e.createdAt) as string,
    updated_at: isoTime(e.updatedAt) as string,
    revision: e.revision,
    guards: e.guards,
  });
}

/** One entry of `GET /experiment/{id}/revisions`: the definition as it was, with who and when. */
export function toPublicRevision(r: ExperimentRevision): RevisionOut {
  return maskSecrets({
    revision: r.revision,
    created_by: r.createdBy,
    created_at: isoTime(r.createdAt) as string,
    name: r.name,
    description: r.description,
    metadata: r.metadata,
    parameters: r.parameters,
    pre_steps: r.preSteps,
    steps: r.steps,
    post_steps: r.postSteps,
    guards: r.guards,
  });
}

/** A create or update answer: the experiment and what will fail when it runs (see savedExperimentOutSchema). */
export function toSavedExperiment(e: Experiment): SavedExperimentOut {
  const warnings = credentialWarnings({ pre_steps: e.preSteps, steps: e.steps, post_steps: e.postSteps });
  return { ...toPublicExperiment(e), warnings };
}
