/**
 * Executes one trial with Kallisti's semantics: parameters merged (experiment < schedule/trial),
 * templates rendered, then pre_steps, steps and post_steps. It runs the experiment revision the
 * trial was launched with, never the experiment as edited since. Records are written after every
 * step (so a page can follow the trial live, and so recovery knows which rollback steps are done),
 * and every write is fenced: when another runner took the trial over, it stops at once (LostTrial).
 */
import type { DB } from "@/db/client";
import type { ExperimentRevision, Step, Trial } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import { SecretSet } from "@/lib/credentials/secrets";
import type { Toolbox } from "@/lib/modules/registry";
import type { PauseControl, StepPosition } from "@/lib/modules/types";
import { cleanupTrial } from "./cleanup";
import { GuardTripped, GuardWatch, guardCounts } from "./guards";
import { type Fence, TrialLifecycle } from "./lifecycle";
import { logLine, type LogLevel, type StepLog, type TrialRecords, stepName, withResult } from "./records";
import { TrialRepo } from "./repo";
import type { TerminalStatus } from "./statuses";
import { StopRequested, runStep } from "./step-run";
import { missingParameters, render } from "./template";

export { RollbackInterrupted, StopRequested } from "./step-run";

export type ListName = "pre_steps" | "steps" | "post_steps";
type Outcome = { ok: true } | { ok: false; list: ListName; reason: string };
type Gate = (list: ListName) => Promise<StopRequested | null>;

/**
 * How the runner steers a trial. `stop` aborts the step in flight (a stop request, the global STOP,
 * a shutdown past its grace period). `beforeStep` is awaited before every step: it holds while the
 * global signal is PAUSE, and returns a reason when the trial must end before its next step (a
 * graceful shutdown lets the running step finish first). `rollback` aborts the rollback itself (a
 * shutdown that ran out of time): the trial is then left for the next runner to resume.
 */
export type RunControl = {
  stop: AbortSignal;
  beforeStep?: Gate;
  rollback?: AbortSignal;
  /** The global PAUSE for pausable steps (they hold inside the step); absent outside a runner. */
  pause?: PauseControl;
};

type Loaded = {
  trial: Trial;
  definition: ExperimentRevision;
  params: Record<string, unknown>;
  pause?: PauseControl;
  /** Every secret value the trial touches; masked by value in everything it writes. */
  secrets: SecretSet;
  /** The guards watching the trial's steps (none before the steps start), and their record's writer. */
  watch?: GuardWatch;
  watchSaver?: LiveLog;
};

const NEVER = new AbortController().signal;

/** How often a running step's new log lines are written out. */
export const LIVE_LOG_MS = 500;

/**
 * Batches a running step's log writes: a write at most every LIVE_LOG_MS while lines keep coming.
 * A failed write (the trial was taken over) is left to the step's final write to report.
 */
class LiveLog {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly write: () => Promise<void>) {}

  readonly request = (): void => {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writing = this.write().catch(() => {});
    }, LIVE_LOG_MS);
  };

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writing;
  }
}
const noGate: Gate = async () => null;
const STEP_LISTS = ["pre_steps", "steps", "post_steps"] as const;

/**
 * The trial's checks for its resilience score: every guard check, and every step with expectations
 * that ran to an outcome (passed when it succeeded).
 */
function countChecks(
  definition: Pick<ExperimentRevision, "preSteps" | "steps" | "postSteps">,
  records: TrialRecords,
  guards: { passed: number; total: number },
) {
  const counts = { ...guards };
  for (const list of STEP_LISTS) {
    const defs =
      list === "pre_steps" ? definition.preSteps : list === "steps" ? definition.steps : definition.postSteps;
    (records[list] ?? []).forEach((entry, i) => {
      if (!defs[i]?.expect?.length || (entry.status !== "succeeded" && entry.status !== "failed")) return;
      counts.total++;
      if (entry.status === "succeeded") counts.passed++;
    });
  }
  return counts;
}

export class TrialExecutor {
  private readonly lifecycle: TrialLifecycle;
  private readonly repo: TrialRepo;

  constructor(
    db: DB,
    private readonly toolbox: Toolbox,
    private readonly fence: Fence,
  ) {
    this.lifecycle = new TrialLifecycle(db);
    this.repo = new TrialRepo(db);
  }

  /**
   * Runs a trial this runner claimed; returns the final status it recorded, or null when the
   * rollback was interrupted and the trial is left for the next runner.
   */
  async run(trialId: string, control: RunControl): Promise<TerminalStatus | null> {
    const t = await this.load(trialId, control.pause);
    const { preSteps, steps } = t.definition;
    const records: TrialRecords = {};
    let halted: StopRequested | null = null;
    const gate: Gate = async (list) => {
      if (halted || !control.beforeStep) return halted;
      halted = await control.beforeStep(list);
      return halted;
    };

    const missing = missingParameters(
      STEP_LISTS.map((l) => this.stepsOf(t, l).map((s) => s.where)),
      t.params,
    );
    if (missing.length) {
      const msg = `Trial is invalid because of missing value in experiment parameters: ${missing.map((m) => `'${m}'`).join(", ")}.`;
      return this.end(
        t,
        records,
        "Invalid",
        msg,
        "ERROR",
        `Trial Invalid. Type: MissingParameterValueError. Error: ${msg}`,
      );
    }

    let outcome = await this.runList("pre_steps", preSteps, t, records, control.stop, gate);
    if (outcome.ok) {
      // Guards watch the steps, and only the steps: a trip aborts the running one as a stop does.
      const watch = this.watchGuards(t);
      const main = await this.runList(
        "steps",
        steps,
        t,
        records,
        AbortSignal.any([control.stop, watch.trip.signal]),
        gate,
      );
      await watch.stop();
      // post_steps are the rollback: they always run once pre_steps passed, even after a stop, and
      // are not held by PAUSE once the trial is ending early.
      const ending = control.stop.aborted || halted !== null || watch.trip.signal.aborted;
      const post = await this.rollback(t, records, control.rollback ?? NEVER, ending ? noGate : gate);
      if (post === "interrupted") return null;
      outcome = !post.ok ? post : main;
    }

    const tripped = t.watch?.trip.signal.reason;
    if (tripped instanceof GuardTripped) {
      const detail = `guard "${tripped.guard}" tripped at ${tripped.at}: ${tripped.saw}`;
      return this.end(t, records, "Failed", detail, "ERROR", `Trial Failed. Type: GuardTripped. Error: ${detail}`);
    }
    const stopper = control.stop.aborted && control.stop.reason instanceof StopRequested ? control.stop.reason : halted;
    if (stopper) {
      const by = stopper.by;
      return this.end(t, records, "Stopped", `stopped by ${by}`, "INFO", `Trial Stopped. Stopped by ${by}.`);
    }
    if (outcome.ok) return this.end(t, records, "Succeeded", null, "INFO", "Trial Completed.");
    const status = outcome.list === "pre_steps" ? "Aborted" : "Failed";
    const detail = `[in: ${outcome.list}, reason: ${outcome.reason}]`;
    return this.end(
      t,
      records,
      status,
      detail,
      "ERROR",
      `Trial ${status}. Type: StepsExecutionError. Error: ${detail}`,
    );
  }

  /**
   * A trial left running by a runner that is gone (this runner adopted it): the step that was
   * running is marked interrupted; if pre_steps had passed, the rollback resumes where it stopped
   * (finished post_steps are not run again, the interrupted one is); the trial ends Failed
   * ("runner interrupted"), or Stopped when a stop had been requested. Null: rollback interrupted.
   */
  async recover(trialId: string, note: string, control: { rollback?: AbortSignal; pause?: PauseControl } = {}) {
    const t = await this.load(trialId, control.pause);
    const records = structuredClone(t.trial.records) as TrialRecords;
    for (const list of STEP_LISTS) {
      for (const entry of records[list] ?? []) {
        if (entry.status !== "running") continue;
        entry.status = "interrupted";
        entry.ended_at ??= isoTime(Date.now());
        entry.logs.push(logLine("ERROR", `Step interrupted: ${note}.`));
      }
    }
    await this.save(t, records);
    const pre = records.pre_steps ?? [];
    const prePassed = pre.length === t.definition.preSteps.length && pre.every((e) => e.status === "succeeded");
    let rollbackFailure = "";
    if (prePassed) {
      const post = await this.rollback(t, records, control.rollback ?? NEVER, noGate);
      if (post === "interrupted") return null;
      if (!post.ok) rollbackFailure = `; rollback failed: ${post.reason}`;
    }
    if (t.trial.status === "Stop Initiated") {
      const by = t.trial.stopRequestedBy ?? "unknown";
      return this.end(
        t,
        records,
        "Stopped",
        `stopped by ${by} (${note})`,
        "INFO",
        `Trial Stopped. Stopped by ${by}; ${note}${rollbackFailure}.`,
      );
    }
    return this.end(
      t,
      records,
      "Failed",
      "runner interrupted",
      "ERROR",
      `Trial Failed. Type: RunnerInterrupted. Error: runner interrupted (${note})${rollbackFailure}.`,
    );
  }

  /** A trial claimed inside a blackout window that opened after it was queued: Skipped, nothing run. */
  async skip(trialId: string, reason: string): Promise<TerminalStatus> {
    const t = await this.load(trialId);
    return this.end(t, {}, "Skipped", reason, "INFO", `Trial Skipped: ${reason}.`);
  }

  /** Ends a trial that could not run (a hook failed) as Failed, saying why. */
  async abandon(trialId: string, type: string, message: string): Promise<TerminalStatus> {
    const t = await this.load(trialId);
    const records = t.trial.records as TrialRecords;
    return (await this.end(
      t,
      records,
      "Failed",
      message,
      "ERROR",
      `Trial Failed. Type: ${type}. Error: ${message}`,
    )) as TerminalStatus;
  }

  private async load(trialId: string, pause?: PauseControl): Promise<Loaded> {
    const row = await this.repo.findWithDefinition(trialId);
    if (!row) throw new Error(`trial ${trialId} or its experiment revision not found`);
    const params = { ...row.definition.parameters, ...row.trial.parameters };
    const secrets = new SecretSet();
    secrets.addByKeyName(params);
    return { ...row, params, pause, secrets };
  }

  /** Starts the experiment's and the trial's guards; their record is written as checks come in. */
  private watchGuards(t: Loaded): GuardWatch {
    const saver = new LiveLog(() =>
      this.lifecycle.saveGuardRecord(this.fence, t.trial.id, t.secrets.mask(watch.record())),
    );
    const watch = new GuardWatch([...t.definition.guards, ...t.trial.guards], {
      toolbox: this.toolbox,
      trialId: t.trial.id,
      params: t.params,
      secrets: t.secrets,
      onChange: saver.request,
    });
    t.watch = watch;
    t.watchSaver = saver;
    watch.start();
    return watch;
  }

  private stepsOf(t: Loaded, list: ListName): Step[] {
    return list === "pre_steps"
      ? t.definition.preSteps
      : list === "steps"
        ? t.definition.steps
        : t.definition.postSteps;
  }

  private async runList(
    list: ListName,
    steps: Step[],
    t: Loaded,
    records: TrialRecords,
    stop: AbortSignal,
    gate: Gate,
  ): Promise<Outcome> {
    const entries: StepLog[] = [];
    records[list] = entries;
    for (const [index, step] of steps.entries()) {
      const halt = await gate(list);
      if (halt) return { ok: false, list, reason: halt.message };
      if (stop.aborted) return { ok: false, list, reason: String((stop.reason as Error)?.message) };
      const entry = this.newEntry(step, t);
      entries.push(entry);
      const failure = await this.execute(step, t, entry, records, stop, { list, index });
      if (failure) return { ok: false, list, reason: failure };
    }
    return { ok: true };
  }

  /**
   * post_steps, resumable: a step already finished is not run again; one that was running when a
   * runner died is started again; a failure ends the rollback as it does in a normal run.
   */
  private async rollback(
    t: Loaded,
    records: TrialRecords,
    signal: AbortSignal,
    gate: Gate,
  ): Promise<Outcome | "interrupted"> {
    records.post_steps ??= [];
    const entries = records.post_steps;
    const steps = t.definition.postSteps;
    for (let i = 0; i < steps.length; i++) {
      const done = entries[i];
      if (done?.status === "succeeded") continue;
      if (done && done.status !== "interrupted" && done.status !== "running") {
        return { ok: false, list: "post_steps", reason: `step ${i + 1} ended ${done.status}` };
      }
      // PAUSE may hold the rollback between its steps; a shutdown never ends it early.
      await gate("post_steps");
      if (signal.aborted) return "interrupted";
      let entry = done;
      if (entry) {
        entry.logs.push(logLine("INFO", "Starting the step again: it was interrupted before it finished."));
        entry.status = "running";
        entry.ended_at = null;
        entry.attempts = (entry.attempts ?? 1) + 1;
      } else {
        entry = this.newEntry(steps[i], t);
        entries.push(entry);
      }
      const failure = await this.execute(steps[i], t, entry, records, signal, { list: "post_steps", index: i });
      if (entry.status === "interrupted") return "interrupted";
      if (failure) return { ok: false, list: "post_steps", reason: failure };
    }
    return { ok: true };
  }

  private newEntry(step: Step, t: Loaded): StepLog {
    const where = render(step.where, t.params);
    t.secrets.addByKeyName(where);
    return {
      step_name: stepName(step.do),
      step_parameters: t.secrets.mask(maskSecrets(where)),
      logs: [],
      step: step.step,
      do: step.do,
      status: "running",
      started_at: isoTime(Date.now()),
      ended_at: null,
    };
  }

  /** Saves the step as running (the fence check before any action), runs it, saves the outcome. */
  private async execute(
    step: Step,
    t: Loaded,
    entry: StepLog,
    records: TrialRecords,
    stop: AbortSignal,
    position: StepPosition,
  ) {
    entry.status = "running";
    await this.save(t, records);
    const where = render(step.where, t.params);
    t.secrets.addByKeyName(where);
    // Log lines reach the database while the step runs, at most one write per LIVE_LOG_MS.
    const live = new LiveLog(() => this.save(t, records));
    try {
      const failure = await runStep({
        toolbox: this.toolbox,
        trialId: t.trial.id,
        step,
        position,
        where,
        entry,
        stop,
        pause: t.pause,
        secrets: t.secrets,
        onLog: live.request,
      });
      entry.ended_at = isoTime(Date.now());
      return failure;
    } finally {
      await live.close();
      // The final write; it throws LostTrial when another runner owns the trial now.
      await this.save(t, records);
    }
  }

  /** Records reach the database masked by value: a line written before a secret was known included. */
  private save(t: Loaded, records: TrialRecords): Promise<void> {
    return this.lifecycle.saveRecords(this.fence, t.trial.id, t.secrets.mask(records));
  }

  /** Cleans up what the trial's steps injected (once any step ran), then records the final status. */
  private async end(
    t: Loaded,
    records: TrialRecords,
    status: TerminalStatus,
    reason: string | null,
    level: LogLevel,
    line: string,
  ): Promise<TerminalStatus> {
    const ran = STEP_LISTS.some((l) => (records[l] ?? []).length > 0);
    const cleanup = ran ? await cleanupTrial(this.toolbox, t.trial.id, t.definition, t.params) : [];
    const final = withResult(records, logLine(level, line));
    final.result?.[0].logs.push(...cleanup);
    await t.watch?.stop();
    await t.watchSaver?.close();
    await this.lifecycle.finish(this.fence, t.trial.id, {
      status,
      reason: reason === null ? null : t.secrets.maskString(reason),
      records: t.secrets.mask(final),
      guardRecord: t.watch ? t.secrets.mask(t.watch.record()) : undefined,
      checks: countChecks(t.definition, records, t.watch?.counts() ?? guardCounts(t.trial.guardRecord)),
    });
    return status;
  }
}
