/**
 * Runs an experiment end to end through the public surface: saved through the API (as the import
 * page does), a trial created through the API, executed by a runner process the test file started,
 * and read back through the API once it has a final status.
 */
import { expect } from "vitest";
import { api } from "./client";

const RUNNING = ["Scheduled", "In Progress", "Stop Initiated"];

export type TrialBody = {
  id: string;
  status: string;
  trial_record: Record<string, { step_name: string; logs: string[] }[]>;
};

export async function waitForTrial(id: string, timeoutMs = 30_000): Promise<TrialBody> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    const t = (await api<TrialBody>("GET", `/api/v1/trial/${id}/`)).body;
    if (!RUNNING.includes(t.status)) return t;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`trial ${id} did not finish within ${timeoutMs / 1000}s`);
}

export async function runExperiment(experiment: Record<string, unknown>): Promise<TrialBody> {
  const saved = await api("POST", "/api/v1/experiment/", experiment);
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  const trial = await api("POST", "/api/v1/trial/", { experiment: saved.body.id });
  expect(trial.status).toBe(201);
  return waitForTrial(trial.body.id);
}

/** A step's log lines without their timestamps: "[INFO] Result: ...". */
export const lines = (step: { logs: string[] }) => step.logs.map((l) => l.replace(/^\[.*? - /, "["));
