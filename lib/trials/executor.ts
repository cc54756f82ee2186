/**
 * Executes one trial: parameters merged (experiment < schedule/trial), templates rendered, then
 * pre_steps, steps and post_steps with Kallisti's semantics. Records are written after every step
 * so a page can follow the trial live. Every action gets an AbortSignal (stop, shutdown, timeout).
 */
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { type Step, type Trial, experiments, trials } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import { resolveCredential } from "@/lib/credentials/handlers";
import type { Credential } from "@/lib/credentials/types";
import { type Expectation, checkExpectations, parseExpectation } from "@/lib/modules/expect";
import { type Toolbox, resolveAction } from "@/lib/modules/registry";
import { logLine, type StepLog, type TrialRecords, stepName, withResult } from "./records";
import { missingParameters, render } from "./template";

export type ListName = "pre_steps" | "steps" | "post_steps";
type Outcome = { ok: true } | { ok: false; list: ListName; reason: string; stopped: boolean };

/** Why a trial's signal was aborted; anything else aborting a step is a timeout or a failure. */
export class StopRequested extends Error {
  constructor(readonly by: string) {
    super(`Trial has been stopped by ${by}`);
    this.name = "TrialStopError";
  }
}

const DEFAULT_STEP_TIMEOUT_MS = 10 * 60_000;

/**
 * How the runner steers a trial. `stop` aborts the step in flight (a stop request, the global STOP,
 * a shutdown past its grace period). `beforeStep` is awaited before every step: it holds while the
 * global signal is PAUSE, and returns a reason when the trial must end before its next step
 * (a graceful shutdown lets the running step finish first).
 */
export type RunControl = {
  stop: AbortSignal;
  beforeStep?: (list: ListName) => Promise<StopRequested | null>;
};

export class TrialExecutor {
  constructor(
    private readonly db: DB,
    private readonly toolbox: Toolbox,
  ) {}

  /** Runs a trial already marked `In Progress`; returns the final status it recorded. */
  async run(trialId: string, control: RunControl): Promise<Trial["status"]> {
    const { stop } = control;
    let halted: StopRequested | null = null;
    const gate = async (list: ListName) => {
      if (halted || !control.beforeStep) return halted;
      halted = await control.beforeStep(list);
      return halted;
    };
    const trial = this.db.select().from(trials).where(eq(trials.id, trialId)).get();
    if (!trial) throw new Error(`trial ${trialId} not found`);
    const experiment = this.db.select().from(experiments).where(eq(experiments.id, trial.experimentId)).get();
    if (!experiment) throw new Error(`experiment ${trial.experimentId} not found`);
    const params = { ...experiment.parameters, ...trial.parameters };
    const lists: [ListName, Step[]][] = [
      ["pre_steps", experiment.preSteps],
      ["steps", experiment.steps],
      ["post_steps", experiment.postSteps],
    ];
    const records: TrialRecords = {};

    const missing = missingParameters(
      lists.map(([, s]) => s.map((x) => x.where)),
      params,
    );
    if (missing.length) {
      const msg = `Trial is invalid because of missing value in experiment parameters: ${missing.map((m) => `'${m}'`).join(", ")}.`;
      return this.finish(
        trialId,
        records,
        "Invalid",
        msg,
        `ERROR Trial Invalid. Type: MissingParameterValueError. Error: ${msg}`,
      );
    }

    const pre = await this.runList("pre_steps", experiment.preSteps, params, records, trialId, stop, gate);
    let outcome: Outcome = pre;
    if (pre.ok) {
      const main = await this.runList("steps", experiment.steps, params, records, trialId, stop, gate);
      // post_steps are the rollback: they always run once pre_steps passed, even after a stop,
      // and are not held by PAUSE once the trial is ending early.
      const ending = stop.aborted || halted !== null;
      const post = await this.runList(
        "post_steps",
        experiment.postSteps,
        params,
        records,
        trialId,
        new AbortController().signal,
        ending ? async () => null : gate,
      );
      outcome = !post.ok ? post : main;
    }

    const stopper = stop.aborted && stop.reason instanceof StopRequested ? stop.reason : halted;
    if (stopper) {
      const by = stopper.by;
      return this.finish(trialId, records, "Stopped", `stopped by ${by}`, `INFO Trial Stopped. Stopped by ${by}.`);
    }
    if (outcome.ok) return this.finish(trialId, records, "Succeeded", null, "INFO Trial Completed.");
    const status = outcome.list === "pre_steps" ? "Aborted" : "Failed";
    const detail = `[in: ${outcome.list}, reason: ${outcome.reason}]`;
    return this.finish(
      trialId,
      records,
      status,
      detail,
      `ERROR Trial ${status}. Type: StepsExecutionError. Error: ${detail}`,
    );
  }

  /**
   * A trial left running by a dead runner: the step that was running is marked interrupted, the
   * rollback (post_steps) runs if pre_steps had passed, and the trial ends Failed ("runner
   * interrupted"), or Stopped when a stop had been requested.
   */
  async recover(trialId: string, runnerNote: string): Promise<Trial["status"]> {
    const trial = this.db.select().from(trials).where(eq(trials.id, trialId)).get();
    if (!trial) throw new Error(`trial ${trialId} not found`);
    const experiment = this.db.select().from(experiments).where(eq(experiments.id, trial.experimentId)).get();
    if (!experiment) throw new Error(`experiment ${trial.experimentId} not found`);
    const records = structuredClone(trial.records) as TrialRecords;
    for (const list of ["pre_steps", "steps", "post_steps"] as const) {
      for (const entry of records[list] ?? []) {
        if (entry.status === "running") {
          entry.status = "interrupted";
          entry.logs.push(logLine("ERROR", `Step interrupted: ${runnerNote}.`));
        }
      }
    }
    const prePassed =
      (records.pre_steps ?? []).filter((e) => e.status === "succeeded").length === experiment.preSteps.length;
    if (prePassed && experiment.postSteps.length) {
      const params = { ...experiment.parameters, ...trial.parameters };
      await this.runList(
        "post_steps",
        experiment.postSteps,
        params,
        records,
        trialId,
        new AbortController().signal,
        async () => null,
      );
    }
    if (trial.status === "Stop Initiated") {
      const by = trial.stopRequestedBy ?? "unknown";
      return this.finish(
        trialId,
        records,
        "Stopped",
        `stopped by ${by} (${runnerNote})`,
        `INFO Trial Stopped. Stopped by ${by}; ${runnerNote}.`,
      );
    }
    return this.finish(
      trialId,
      records,
      "Failed",
      "runner interrupted",
      `ERROR Trial Failed. Type: RunnerInterrupted. Error: runner interrupted (${runnerNote}).`,
    );
  }

  private async runList(
    list: ListName,
    steps: Step[],
    params: Record<string, unknown>,
    records: TrialRecords,
    trialId: string,
    signal: AbortSignal,
    gate: (list: ListName) => Promise<StopRequested | null>,
  ): Promise<Outcome> {
    const logs: StepLog[] = [];
    records[list] = logs;
    for (const step of steps) {
      const halt = await gate(list);
      if (halt) return { ok: false, list, reason: halt.message, stopped: true };
      if (signal.aborted) return { ok: false, list, reason: String((signal.reason as Error)?.message), stopped: true };
      const where = render(step.where, params);
      const entry: StepLog = {
        step_name: stepName(step.do),
        step_parameters: maskSecrets(where),
        logs: [],
        step: step.step,
        do: step.do,
        status: "running",
        started_at: isoTime(Date.now()),
        ended_at: null,
      };
      logs.push(entry);
      this.saveRecords(trialId, records);
      const failure = await this.runStep(step, where, entry, signal);
      entry.ended_at = isoTime(Date.now());
      this.saveRecords(trialId, records);
      if (failure) return { ok: false, list, reason: failure, stopped: signal.aborted };
    }
    return { ok: true };
  }

  /** Runs one step, filling its log; returns the failure message, or null when it passed. */
  private async runStep(
    step: Step,
    where: Record<string, unknown>,
    entry: StepLog,
    stop: AbortSignal,
  ): Promise<string | null> {
    const log = (level: "INFO" | "ERROR", msg: string) => entry.logs.push(logLine(level, msg));
    const fail = (type: string, message: string, status = "failed") => {
      log("ERROR", `Step failed. Type: ${type}. Error: ${message}`);
      entry.status = status;
      return message;
    };
    const resolved = resolveAction(this.toolbox.modules, step.do);
    if ("error" in resolved) return fail("CouldNotFindFunction", resolved.error);
    // A `credentials` block is resolved by the credential map and handed over apart from the arguments.
    const { credentials: block, ...args } = where;
    let credential: Credential | null = null;
    if (block !== undefined) {
      try {
        credential = await resolveCredential(this.toolbox.credentials, block);
      } catch (err) {
        return fail("InvalidCredentialType", (err as Error).message);
      }
    }
    const parsed = resolved.action.args.safeParse(args);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "where"}: ${i.message}`).join("; ");
      return fail("InvalidArguments", `Invalid arguments for ${step.do}: ${issues}`);
    }
    const expectations: Expectation[] = [];
    for (const item of step.expect ?? []) {
      const e = parseExpectation(item);
      if ("error" in e) return fail("InvalidExpectOperator", e.error);
      expectations.push(e);
    }
    const timeoutMs = resolved.action.defaultTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    const signal = AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);
    log("INFO", "Starting command execution.");
    try {
      const result = await resolved.action.run(parsed.data, {
        signal,
        log: (m) => log("INFO", m),
        credential,
        credentialHandlers: this.toolbox.credentials,
      });
      if (result !== null && result !== undefined) log("INFO", `Result: ${JSON.stringify(maskSecrets(result))}.`);
      if (expectations.length) {
        checkExpectations(result ?? null, expectations);
        log("INFO", `Succeeded. All expectations passed: ${JSON.stringify(step.expect)}.`);
      }
      log("INFO", "Completed.");
      entry.status = "succeeded";
      return null;
    } catch (err) {
      if (stop.aborted) return fail("TrialStopError", (stop.reason as Error).message, "stopped");
      if (signal.aborted) return fail("TimeoutError", `Step timed out after ${timeoutMs / 1000} seconds`);
      const e = err as Error;
      return fail(e.name === "Error" ? "Exception" : e.name, e.message);
    }
  }

  /** Ends a trial that could not run (a hook failed, an internal error) as Failed, saying why. */
  abandon(trialId: string, type: string, message: string): Trial["status"] {
    const t = this.db.select({ records: trials.records }).from(trials).where(eq(trials.id, trialId)).get();
    return this.finish(
      trialId,
      (t?.records ?? {}) as TrialRecords,
      "Failed",
      message,
      `ERROR Trial Failed. Type: ${type}. Error: ${message}`,
    );
  }

  private saveRecords(trialId: string, records: TrialRecords): void {
    this.db.update(trials).set({ records }).where(eq(trials.id, trialId)).run();
  }

  private finish(
    trialId: string,
    records: TrialRecords,
    status: Trial["status"],
    reason: string | null,
    resultLine: string,
  ): Trial["status"] {
    const [level, ...rest] = resultLine.split(" ");
    const final = withResult(records, logLine(level as "INFO" | "ERROR", rest.join(" ")));
    this.db
      .update(trials)
      .set({ status, statusReason: reason, records: final, completedAt: Date.now() })
      .where(eq(trials.id, trialId))
      .run();
    return status;
  }
}
