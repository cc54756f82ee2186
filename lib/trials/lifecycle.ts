/**
 * The trial lifecycle: every status transition of a trial goes through here (the writes themselves
 * are in transitions.ts). The API, the scheduler, the signal and the runner call it; nothing else
 * writes trials. Each multi-row write is one transaction whose body awaits database work only.
 */
import type { DB } from "@/db/client";
import type { Guard, Trial } from "@/db/schema";
import { windowReason } from "@/lib/blackout/evaluate";
import { openFor } from "@/lib/blackout/service";
import { AppError, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/service";
import { isUuid, newId } from "@/lib/ids";
import { describeStop, readSignal } from "@/lib/signal/service";
import { logLine, type TrialRecords, withResult } from "./records";
import { TrialRepo } from "./repo";
import type { TerminalStatus } from "./statuses";
import * as write from "./transitions";

export type { Fence } from "./transitions";
type Fence = write.Fence;

/** A fenced write changed nothing: another runner owns the trial now. Stop, and write nothing more. */
export class LostTrial extends Error {
  constructor(readonly trialId: string) {
    super(`trial ${trialId} was taken over by another runner`);
    this.name = "LostTrial";
  }
}

export type ManualRun = {
  experimentId: string;
  revision: number;
  parameters: Record<string, unknown>;
  metadata: Record<string, unknown>;
  ticket: Record<string, unknown>;
  initiatedFrom: string;
  guards: Guard[];
  /** An admin's reason to start inside a blackout window (audited). */
  overrideBlackout?: string;
};

export type Ending = {
  status: TerminalStatus;
  reason: string | null;
  records: TrialRecords;
  guardRecord?: Record<string, unknown>;
  checks?: { passed: number; total: number };
};

/** Rows deleted per pruning transaction: a few milliseconds of write lock each. */
export const PRUNE_BATCH = 500;

export class TrialLifecycle {
  private readonly repo: TrialRepo;

  constructor(private readonly db: DB) {
    this.repo = new TrialRepo(db);
  }

  /**
   * A manual run: queued, or Skipped (with why) while the global signal is STOP or a blackout window
   * holds the experiment (unless an admin overrides the window); audited with it.
   */
  async enqueue(run: ManualRun, actor: string): Promise<Trial> {
    return this.db.transaction(async (tx) => {
      const now = Date.now();
      const signal = await readSignal(tx);
      const window = await openFor(tx, run.experimentId, now);
      const overridden = window !== null && run.overrideBlackout !== undefined;
      const skipped =
        signal.state === "STOP"
          ? `signal STOP: ${describeStop(signal)}`
          : window && !overridden
            ? windowReason(window)
            : null;
      const trial = (await write.insertTrial(tx, {
        id: newId(),
        experimentId: run.experimentId,
        experimentRevision: run.revision,
        parameters: run.parameters,
        metadata: run.metadata,
        ticket: run.ticket,
        guards: run.guards,
        blackoutOverride: overridden ? run.overrideBlackout : null,
        status: skipped ? "Skipped" : "Scheduled",
        statusReason: skipped,
        completedAt: skipped ? now : null,
        records: skipped ? withResult({}, logLine("INFO", `Trial Skipped: ${skipped}.`, now)) : {},
        initiatedBy: actor,
        initiatedFrom: run.initiatedFrom,
        scheduledFor: now,
        createdAt: now,
      })) as Trial;
      await recordAudit(tx, {
        actor,
        action: "trial.create",
        targetType: "trial",
        targetId: trial.id,
        after: { experiment: trial.experimentId, parameters: trial.parameters, status: trial.status },
      });
      if (overridden && window) {
        await recordAudit(tx, {
          actor,
          action: "trial.blackout_override",
          targetType: "trial",
          targetId: trial.id,
          after: { window: window.window.name, reason: run.overrideBlackout },
        });
      }
      return trial;
    });
  }

  /**
   * Kallisti's stop contract (200 / 403 `{"message"}` / 404) with a stop that really stops: a queued
   * trial ends `Stopped` at once without running; a running one becomes `Stop Initiated` and its
   * runner aborts the step, runs post_steps and records `Stopped`. Repeating a stop is a 200.
   */
  async requestStop(id: string, actor: string): Promise<Trial> {
    return this.db.transaction(async (tx) => {
      const trial = isUuid(id) ? await new TrialRepo(tx).findLive(id) : null;
      if (!trial) throw notFound();
      if (trial.status === "Stop Initiated" || trial.status === "Stopped") return trial;
      const now = Date.now();
      const [stopped] = await write.stopBeforeStart(
        tx,
        { id },
        {
          reason: `stopped by ${actor} before it started`,
          by: actor,
          line: `Trial Stopped. Stopped by ${actor} before it started.`,
          now,
        },
      );
      const changed = stopped ?? (await write.initiateStop(tx, id, actor));
      if (!changed) {
        throw new AppError("forbidden", "Trial has either not started or already set to stop.", {
          body: { message: "Trial has either not started or already set to stop." },
        });
      }
      await recordAudit(tx, {
        actor,
        action: "trial.stop",
        targetType: "trial",
        targetId: id,
        before: { status: trial.status },
        after: { status: changed.status },
      });
      return changed;
    });
  }

  // ---- the runner's side: every write below is fenced on the runner's lease epoch ----

  async claimNext(f: Fence, now = Date.now()): Promise<Trial | null> {
    return this.db.transaction((tx) => write.claimNext(tx, f, now));
  }

  /** Ids of running trials whose runner is gone (owned by an older epoch). */
  async orphans(f: Fence): Promise<string[]> {
    return write.orphanIds(this.db, f);
  }

  /** Takes an orphan over for recovery; null when another runner got it first or it ended meanwhile. */
  async adopt(f: Fence, id: string): Promise<Trial | null> {
    return this.db.transaction((tx) => write.adopt(tx, f, id));
  }

  async saveRecords(f: Fence, id: string, records: TrialRecords): Promise<void> {
    if (!(await write.saveRecords(this.db, f, id, records))) throw new LostTrial(id);
  }

  async saveHookChanges(
    f: Fence,
    id: string,
    changes: Pick<Trial, "parameters" | "metadata" | "ticket">,
  ): Promise<void> {
    if (!(await write.saveHookChanges(this.db, f, id, changes))) throw new LostTrial(id);
  }

  async saveGuardRecord(f: Fence, id: string, guardRecord: Record<string, unknown>): Promise<void> {
    if (!(await write.saveGuardRecord(this.db, f, id, guardRecord))) throw new LostTrial(id);
  }

  async finish(f: Fence, id: string, end: Ending): Promise<void> {
    // One transaction: the final status and the trial metrics it counts commit together.
    const done = await this.db.transaction((tx) => write.finish(tx, f, id, { ...end, now: Date.now() }));
    if (!done) throw new LostTrial(id);
  }

  /** Who asked to stop the trial, while a stop is pending. */
  async pendingStop(id: string): Promise<string | null> {
    const t = await this.repo.findById(id);
    return t?.status === "Stop Initiated" ? (t.stopRequestedBy ?? "unknown") : null;
  }

  /**
   * history_limit: keeps the newest `keep` trials of the schedule and deletes older finished ones,
   * in small transactions with a pause between them so that API writes never wait long.
   */
  async pruneHistory(scheduleId: string, keep: number): Promise<number> {
    const cutoff = await this.repo.nthNewestSlot(scheduleId, keep);
    if (cutoff === null) return 0;
    let deleted = 0;
    for (;;) {
      const n = await this.db.transaction((tx) => write.pruneBatch(tx, scheduleId, cutoff, PRUNE_BATCH));
      deleted += n;
      if (n < PRUNE_BATCH) return deleted;
      await new Promise((r) => setImmediate(r));
    }
  }
}
