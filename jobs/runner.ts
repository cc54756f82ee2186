/**
 * The runner: while it holds the lease it turns due schedule slots into trials (waking at the
 * earliest due time) and executes queued trials one at a time, honouring stop requests and the
 * global RUN/PAUSE/STOP signal. On takeover it recovers trials a dead runner left running.
 */
import type { DB } from "@/db/client";
import { applyHooks } from "@/lib/plugins/hooks";
import { trialSummary } from "@/lib/plugins/summary";
import type { LoadedToolbox } from "@/lib/plugins/toolbox";
import { earliestDue, fireDueSchedules, pruneHistory } from "@/lib/schedules/scheduler";
import { describeStop, readSignal } from "@/lib/signal/service";
import { StopRequested, TrialExecutor } from "@/lib/trials/executor";
import type { Lease } from "./lease";
import { log } from "./log";
import { claimNext, orphanedTrials, pendingStop } from "./queue";
import { experiments, schedules, trials } from "@/db/schema";
import { eq } from "drizzle-orm";

export type RunnerOptions = {
  db: DB;
  lease: Lease;
  holder: string;
  toolbox: LoadedToolbox;
  heartbeatMs: number;
  /** How long a shutdown lets the running step finish before aborting it. */
  graceMs: number;
  /** How often the loops look at the database when nothing woke them. */
  pollMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A pause that another loop can cut short (the scheduler wakes the worker when it queues a trial). */
class Alarm {
  private ring?: () => void;
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.fire(), Math.max(0, ms));
      this.ring = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  fire(): void {
    const ring = this.ring;
    this.ring = undefined;
    ring?.();
  }
}

export class Runner {
  private active = false;
  private stopping: string | null = null;
  private current: { id: string; stop: AbortController } | null = null;
  private heartbeat?: NodeJS.Timeout;
  private loops: Promise<void>[] = [];
  private readonly executor: TrialExecutor;
  private readonly pollMs: number;
  private readonly workAlarm = new Alarm();
  private readonly deliveries = new Set<Promise<void>>();

  constructor(private readonly o: RunnerOptions) {
    this.executor = new TrialExecutor(o.db, o.toolbox);
    this.pollMs = o.pollMs ?? 250;
  }

  get isActive(): boolean {
    return this.active;
  }

  async start(): Promise<void> {
    await this.tickLease();
    if (!this.active) log("waiting for the lease", { holder: this.o.holder });
    this.heartbeat = setInterval(() => void this.tickLease(), this.o.heartbeatMs);
    this.loops = [this.scheduleLoop(), this.workLoop()];
  }

  /** Graceful: stop claiming, let the running step finish (abort it after the grace period), release. */
  async stop(reason: string): Promise<void> {
    if (this.stopping) return;
    this.stopping = reason;
    log("shutting down", { reason, running_trial: this.current?.id ?? null });
    const running = this.current;
    const grace = running
      ? setTimeout(
          () => running.stop.abort(new StopRequested(`runner shutdown (${reason}, grace period over)`)),
          this.o.graceMs,
        )
      : undefined;
    this.workAlarm.fire();
    await Promise.all(this.loops);
    clearTimeout(grace);
    // Observers get a last chance to deliver, bounded by the grace period.
    await Promise.race([Promise.allSettled([...this.deliveries]), sleep(this.o.graceMs)]);
    clearInterval(this.heartbeat);
    if (this.active) this.o.lease.release();
    this.active = false;
  }

  private async tickLease(): Promise<void> {
    if (this.stopping) return;
    const now = Date.now();
    if (this.active) {
      if (this.o.lease.heartbeat(now)) return;
      this.active = false;
      log("lease lost", { holder: this.o.holder });
      this.current?.stop.abort(new StopRequested("runner lost its lease"));
      return;
    }
    if (!this.o.lease.tryAcquire(now)) return;
    log("lease acquired", { holder: this.o.holder, took_over_from: this.o.lease.takenOverFrom });
    await this.recoverOrphans();
    this.active = true;
  }

  private async recoverOrphans(): Promise<void> {
    for (const t of orphanedTrials(this.o.db, this.o.holder)) {
      const note = `runner ${t.runnerId ?? "unknown"} stopped while running it; rolled back by ${this.o.holder}`;
      const status = await this.executor.recover(t.id, note);
      log("trial recovered", { trial: t.id, status });
      this.notify(t.id);
    }
  }

  private async scheduleLoop(): Promise<void> {
    while (!this.stopping) {
      let wake = this.pollMs;
      if (this.active) {
        try {
          for (const f of fireDueSchedules(this.o.db, Date.now())) {
            log("schedule fired", {
              schedule: f.scheduleId,
              slot: new Date(f.slot).toISOString(),
              status: f.status,
              reason: f.reason,
            });
            if (f.status === "Scheduled") this.workAlarm.fire();
          }
          const next = earliestDue(this.o.db);
          if (next !== null) wake = Math.min(wake, next - Date.now());
        } catch (err) {
          log("scheduler error", { error: (err as Error).message });
        }
      }
      await sleep(wake);
    }
  }

  private async workLoop(): Promise<void> {
    while (!this.stopping) {
      if (this.active && readSignal(this.o.db).state === "RUN" && (await this.runNext())) continue;
      await this.workAlarm.wait(this.pollMs);
    }
  }

  private async runNext(): Promise<boolean> {
    const trial = claimNext(this.o.db, this.o.holder, Date.now());
    if (!trial) return false;
    log("trial started", { trial: trial.id, experiment: trial.experimentId });
    const stop = new AbortController();
    this.current = { id: trial.id, stop };
    const watcher = setInterval(() => {
      if (stop.signal.aborted) return;
      const by = pendingStop(this.o.db, trial.id);
      if (by) return stop.abort(new StopRequested(by));
      const signal = readSignal(this.o.db);
      if (signal.state === "STOP") stop.abort(new StopRequested(describeStop(signal)));
    }, 200);
    try {
      try {
        await this.applyHooks(trial.id);
      } catch (err) {
        this.executor.abandon(trial.id, "TrialHookError", `trial-creation hook failed: ${(err as Error).message}`);
        this.notify(trial.id);
        return true;
      }
      const status = await this.executor.run(trial.id, { stop: stop.signal, beforeStep: () => this.beforeStep() });
      log("trial finished", { trial: trial.id, status });
      this.notify(trial.id);
      if (trial.scheduleId) this.prune(trial.scheduleId);
    } catch (err) {
      log("trial crashed", { trial: trial.id, error: (err as Error).message });
      // Never leave a trial In Progress: record the internal error on it.
      this.executor.abandon(trial.id, "RunnerError", `runner error: ${(err as Error).message}`);
    } finally {
      clearInterval(watcher);
      this.current = null;
    }
    return true;
  }

  /** Trial-creation hooks may adjust parameters, metadata and ticket before the trial runs. */
  private async applyHooks(trialId: string): Promise<void> {
    if (!this.o.toolbox.hooks.length) return;
    const t = this.o.db.select().from(trials).where(eq(trials.id, trialId)).get();
    if (!t) return;
    const e = this.o.db
      .select({ name: experiments.name })
      .from(experiments)
      .where(eq(experiments.id, t.experimentId))
      .get();
    const out = await applyHooks(this.o.toolbox.hooks, {
      id: t.id,
      experiment: { id: t.experimentId, name: e?.name ?? "" },
      schedule: t.scheduleId,
      parameters: t.parameters,
      metadata: t.metadata,
      ticket: t.ticket,
      initiated_by: t.initiatedBy,
    });
    this.o.db
      .update(trials)
      .set({ parameters: out.parameters, metadata: out.metadata, ticket: out.ticket })
      .where(eq(trials.id, trialId))
      .run();
  }

  /** Tells every observer, in the background; a failing observer is logged and never stops the runner. */
  private notify(trialId: string): void {
    const summary = trialSummary(this.o.db, trialId);
    if (!summary || !this.o.toolbox.observers.length) return;
    for (const o of this.o.toolbox.observers) {
      const delivery = (async () => {
        try {
          await o.notify(summary, {
            signal: AbortSignal.timeout(120_000),
            log: (m) => log("observer", { observer: o.name, message: m }),
          });
        } catch (err) {
          log("observer failed", { observer: o.name, trial: trialId, error: (err as Error).message });
        }
      })();
      this.deliveries.add(delivery);
      void delivery.finally(() => this.deliveries.delete(delivery));
    }
  }

  /** Holds while the signal is PAUSE; ends the trial early when the runner is shutting down. */
  private async beforeStep(): Promise<StopRequested | null> {
    for (;;) {
      if (this.stopping) return new StopRequested(`runner shutdown (${this.stopping})`);
      if (readSignal(this.o.db).state !== "PAUSE") return null;
      await sleep(this.pollMs);
    }
  }

  private prune(scheduleId: string): void {
    const s = this.o.db
      .select({ id: schedules.id, historyLimit: schedules.historyLimit })
      .from(schedules)
      .where(eq(schedules.id, scheduleId))
      .get();
    if (s) pruneHistory(this.o.db, s);
  }
}
