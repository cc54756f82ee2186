/**
 * `eris run <experiment>`: starts a trial, follows it until it ends (its timeline printed as it goes
 * with --follow), writes the requested reports, and answers 0 only when the trial succeeded, so a
 * CI job can use a chaos experiment as a gate. Ctrl-C stops the trial (its rollback runs); a
 * second Ctrl-C leaves at once.
 */
import fs from "node:fs";
import path from "node:path";
import type { Client } from "./client";
import { findExperiment } from "./resolve";

type StepRecord = {
  step?: string;
  step_name: string;
  status?: string;
  started_at?: string | null;
  ended_at?: string | null;
  logs: string[];
};
type TrialOut = {
  id: string;
  status: string;
  status_reason: string | null;
  trial_record: Record<string, StepRecord[] | undefined>;
};

export type RunOptions = {
  parameters: Record<string, unknown>;
  follow: boolean;
  detach: boolean;
  reports: { format: string; file: string }[];
  print: (line: string) => void;
  pollMs?: number;
};

const FINAL = new Set(["Succeeded", "Failed", "Aborted", "Invalid", "Stopped", "Skipped"]);
const LISTS = ["pre_steps", "steps", "post_steps"] as const;
const clock = (iso?: string | null) => (iso ? iso.slice(11, 19) : new Date().toISOString().slice(11, 19));

/** `k=v`: v as JSON when it reads as JSON (numbers, booleans, objects), else as text. */
export function parseParam(text: string): [string, unknown] {
  const at = text.indexOf("=");
  if (at < 1) throw new Error(`--param ${text}: expected key=value`);
  const raw = text.slice(at + 1);
  try {
    return [text.slice(0, at), JSON.parse(raw)];
  } catch {
    return [text.slice(0, at), raw];
  }
}

export async function runExperiment(client: Client, ref: string, o: RunOptions): Promise<number> {
  const experiment = await findExperiment(client, ref);
  const created = await client.call<TrialOut>("POST", "/api/v1/trial/", {
    experiment: experiment.id,
    parameters: o.parameters,
    initiated_from: "eris-cli",
  });
  o.print(`trial ${created.id} of "${experiment.name}": ${created.status}`);
  if (o.detach) return 0;

  let stopping = 0;
  const onInt = () => {
    stopping++;
    if (stopping > 1) process.exit(130);
    o.print("stopping the trial (its rollback runs); Ctrl-C again to leave now");
    void client.call("PUT", `/api/v1/trial/${created.id}/stop/`).catch((err) => o.print(`stop failed: ${err.message}`));
  };
  process.on("SIGINT", onInt);
  const seen = new Map<string, string>();
  let trial = created;
  try {
    while (!FINAL.has(trial.status)) {
      await new Promise((r) => setTimeout(r, o.pollMs ?? 500));
      trial = await client.call<TrialOut>("GET", `/api/v1/trial/${created.id}/`);
      if (o.follow) printProgress(trial, seen, o.print);
    }
  } finally {
    process.off("SIGINT", onInt);
  }
  o.print(`trial ${trial.id} ${trial.status}${trial.status_reason ? `: ${trial.status_reason}` : ""}`);
  for (const r of o.reports) await writeReport(client, trial.id, r, o.print);
  return trial.status === "Succeeded" ? 0 : 1;
}

/** One line per step as it starts and as it ends, with its failure when it failed. */
function printProgress(t: TrialOut, seen: Map<string, string>, print: (line: string) => void): void {
  for (const list of LISTS) {
    for (const [i, s] of (t.trial_record[list] ?? []).entries()) {
      const key = `${list}.${i}`;
      const status = s.status ?? "running";
      if (seen.get(key) === status) continue;
      seen.set(key, status);
      const name = s.step || s.step_name;
      if (status === "running") {
        print(`${clock(s.started_at)}  ${list.padEnd(10)} ${name}: started`);
        continue;
      }
      const took =
        s.started_at && s.ended_at
          ? ` in ${((Date.parse(s.ended_at) - Date.parse(s.started_at)) / 1000).toFixed(1)} s`
          : "";
      print(`${clock(s.ended_at)}  ${list.padEnd(10)} ${name}: ${status}${took}`);
      if (status !== "succeeded") {
        const last = [...s.logs].reverse().find((l) => / - (ERROR|WARNING)\]/.test(l));
        if (last) print(`            ${last}`);
      }
    }
  }
}

async function writeReport(
  client: Client,
  trialId: string,
  r: { format: string; file: string },
  print: (line: string) => void,
): Promise<void> {
  const res = await client.raw("GET", `/api/v1/report/?trial-id=${trialId}&format=${encodeURIComponent(r.format)}`);
  if (!res.ok) throw new Error(`report ${r.format}: HTTP ${res.status} ${await res.text()}`);
  fs.mkdirSync(path.dirname(path.resolve(r.file)), { recursive: true });
  fs.writeFileSync(r.file, Buffer.from(await res.arrayBuffer()));
  print(`report ${r.format} written to ${r.file}`);
}
