/**
 * The runner: while it holds the lease it turns due schedule slots into trials (waking at the
 * earliest due time), rolls back trials a gone runner left running, and executes queued trials one
 * at a time, honouring stop requests and the global RUN/PAUSE/STOP signal. Every trial write is
 * fenced on the lease epoch (lib/trials/transitions.ts): a runner that lost the lease writes nothing.
 */
import type { DB } from "@/db/client";
import type { Trial } from "@/db/schema";
import { windowReason } from "@/lib/blackout/evaluate";
import { openFor } from "@/lib/blackout/service";
import { applyHooks } from "@/lib/plugins/hooks";
import { trialSummary } from "@/lib/plugins/summary";
import type { LoadedToolbox } from "@/lib/plugins/toolbox";
import type { Lease, LeaseGrant } from "@/lib/runner/lease";
import { ScheduleRepo } from "@/lib/schedules/repo";
import { earliestDue, fireDueSchedules } from "@/lib/schedules/scheduler";
import { describeStop, readSignal } from "@/lib/signal/service";
import { RollbackInterrupted, StopRequested, TrialExecutor } from "@/lib/trials/executor";
import { type Fence, LostTrial, TrialLifecycle } from "@/lib/trials/lifecycle";
import { TrialRepo } from "@/lib/trials/repo";
import { withLogContext } from "@/lib/log/context";
import { recordFirings } from "@/lib/metrics/record";
import { Notifier } from "@/lib/notifications/deliver";
import { GlobalGuardWatch } from "./global-guards";
import { log } from "./log";
import { PauseWatch } from "./pause-watch";

export type RunnerOptions = {
  db: DB;
  lease: Lease;
  holder: string;
  toolbox: LoadedToolbox;
  heartbeatMs: number;
  /** How long a shutdown lets the running step finish before aborting it. */
  graceMs: number;
  /** After the grace period, how long the rollback may still take before it is left to the next runner. */
  rollbackTimeoutMs: number;
  /** How often the loops look at the database when nothing woke them. */
  pollMs?: number;
  /** Where people open Eris, for the links notifications carry. */
  publicUrl?: string | null;
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

/**
 * The trial in hand: `stop` aborts its step, `rollback` its rollback (a shutdown out of time), and
 * `pause` tells a pausable step whether the global PAUSE holds.
 */
type Current = {
  id: string;
  stop: AbortController;
  rollback: AbortController;
  pause: PauseWatch;
  windowCheckedAt: number;
};

/** How often a running trial's blackout windows are looked at. */
const WINDOW_CHECK_MS = 1000;

export class Runner {
  private grant: LeaseGrant | null = null;
  private executor: TrialExecutor | null = null;
  private stopping: string | null = null;
  private released = false;
  /** The lease step in flight (a heartbeat or a claim), which the release waits for. */
  private leaseStep: Promise<void> = Promise.resolve();
  private current: Current | null = null;
  private loops: Promise<void>[] = [];
  private readonly lifecycle: TrialLifecycle;
  private readonly pollMs: number;
  private readonly workAlarm = new Alarm();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly notifier: Notifier;
  /** Each running trial's start notification, which its end notification waits for. */
  private readonly started = new Map<string, Promise<void>>();

  constructor(private readonly o: RunnerOptions) {
    this.lifecycle = new TrialLifecycle(o.db);
    this.pollMs = o.pollMs ?? 250;
    this.notifier = new Notifier(o.db, { publicUrl: o.publicUrl ?? null, log });
  }

  get isActive(): boolean {
    return this.grant !== null;
  }

  /** The trial being run or rolled back, if any. */
  get runningTrial(): string | null {
    return this.current?.id ?? null;
  }

  async start(): Promise<void> {
    await this.tickLease();
    if (!this.grant) log("waiting for the lease", { holder: this.o.holder });
    void this.heartbeatLoop();
    this.loops = [this.scheduleLoop(), this.workLoop(), this.guardLoop()];
  }

  /**
   * Graceful: stop claiming; let the running step finish (abort it after the grace period); run the
   * rollback (abort it after the rollback timeout, leaving it to the next runner); then release the
   * lease. The heartbeat goes on meanwhile, so no standby takes the trial over during its rollback.
   */
  async stop(reason: string): Promise<void> {
    if (this.stopping) return;
    this.stopping = reason;
    log("shutting down", { reason, running_trial: this.runningTrial });
    const grace = setTimeout(() => {
      this.current?.stop.abort(new StopRequested(`runner shutdown (${reason}, grace period over)`));
    }, this.o.graceMs);
    const rollbackDeadline = setTimeout(() => {
      this.current?.rollback.abort(
        new RollbackInterrupted(`runner shutdown (${reason}): the rollback ran out of time`),
      );
    }, this.o.graceMs + this.o.rollbackTimeoutMs);
    this.workAlarm.fire();
    await Promise.all(this.loops);
    clearTimeout(grace);
    clearTimeout(rollbackDeadline);
    // Observers get a last chance to deliver, bounded by the grace period.
    await Promise.race([Promise.allSettled([...this.deliveries]), sleep(this.o.graceMs)]);
    await this.releaseLease();
  }

  /** A forced exit (a second signal): nothing more is written; the next runner rolls the trial back. */
  async abandon(): Promise<string | null> {
    const left = this.runningTrial;
    await this.releaseLease();
    return left;
  }

  private async releaseLease(): Promise<void> {
    // The heartbeat loop sees `released` before its next beat and ends; a beat already under way is
    // awaited first, so no beat can follow the release.
    this.released = true;
    await this.leaseStep;
    if (this.grant) await this.o.lease.release();
    this.grant = null;
  }

  private async heartbeatLoop(): Promise<void> {
    while (!this.released) {
      await sleep(this.o.heartbeatMs);
      if (!this.released) {
        this.leaseStep = this.tickLease();
        await this.leaseStep;
      }
    }
  }

  /** One lease step at a time (never re-entered): heartbeat while we hold it, else try to take it. */
  private async tickLease(): Promise<void> {
    try {
      if (this.grant) {
        if (await this.o.lease.heartbeat()) return;
        log("lease lost: another runner took over", { holder: this.o.holder, epoch: this.grant.epoch });
        this.grant = null;
        this.executor = null;
        const lost = new StopRequested("runner lost its lease");
        this.current?.stop.abort(lost);
        this.current?.rollback.abort(new RollbackInterrupted("runner lost its lease"));
        return;
      }
      if (this.stopping) return;
      const grant = await this.o.lease.tryAcquire();
      if (!grant) return;
      this.grant = grant;
      this.executor = new TrialExecutor(this.o.db, this.o.toolbox, this.fence(grant));
      log("lease acquired", { holder: this.o.holder, epoch: grant.epoch, took_over_from: this.o.lease.takenOverFrom });
      this.workAlarm.fire();
    } catch (err) {
      // A busy or unreachable database: keep what we have and try again at the next beat.
      log("lease error", { error: (err as Error).message });
    }
  }

  private fence(grant: LeaseGrant): Fence {
    return { runnerId: grant.holder, epoch: grant.epoch };
  }

  private async scheduleLoop(): Promise<void> {
    while (!this.stopping) {
      let wake = this.pollMs;
      if (this.grant) {
        try {
          const limits = new Map<string, number>();
          const now = Date.now();
          const firings = await fireDueSchedules(this.o.db, now);
          await recordFirings(this.o.db, firings, now);
          for (const f of firings) {
            log("schedule fired", {
              schedule: f.scheduleId,
              slot: new Date(f.slot).toISOString(),
              status: f.status,
              reason: f.reason,
            });
            if (f.status === "Scheduled") this.workAlarm.fire();
            if (f.historyLimit !== null) limits.set(f.scheduleId, f.historyLimit);
          }
          for (const [id, limit] of limits) await this.prune(id, limit);
          const next = await earliestDue(this.o.db);
          if (next !== null) wake = Math.min(wake, next - Date.now());
        } catch (err) {
          log("scheduler error", { error: (err as Error).message });
        }
      }
      await sleep(wake);
    }
  }

  /** The global guards, watched all the time while this runner holds the lease. */
  private async guardLoop(): Promise<void> {
    const watch = new GlobalGuardWatch(this.o.db, this.o.toolbox);
    while (!this.stopping) {
      if (this.grant) {
        try {
          await watch.tick();
        } catch (err) {
          log("global guard error", { error: (err as Error).message });
        }
      }
      await sleep(GlobalGuardWatch.TICK_MS);
    }
  }

  private async workLoop(): Promise<void> {
    while (!this.stopping) {
      const executor = this.executor;
      const grant = this.grant;
      if (executor && grant) {
        try {
          if (await this.recoverOrphan(executor, grant)) continue;
          if ((await readSignal(this.o.db)).state === "RUN" && (await this.runNext(executor, grant))) continue;
        } catch (err) {
          log("runner error", { error: (err as Error).message });
        }
      }
      await this.workAlarm.wait(this.pollMs);
    }
  }

  /** Adopts and rolls back one trial a gone runner left running; false when there is none. */
  private async recoverOrphan(executor: TrialExecutor, grant: LeaseGrant): Promise<boolean> {
    const fence = this.fence(grant);
    for (const id of await this.lifecycle.orphans(fence)) {
      const trial = await this.lifecycle.adopt(fence, id);
      if (!trial) continue;
      const note = `runner ${trial.runnerId ?? "unknown"} stopped while running it; rolled back by ${this.o.holder}`;
      log("recovering trial", { trial: id, from: trial.runnerId });
      await this.inHand(id, async (current) => {
        const status = await executor.recover(id, note, { rollback: current.rollback.signal });
        if (status === null) return log("rollback interrupted: left for the next runner", { trial: id });
        log("trial recovered", { trial: id, status });
        await this.notify(id);
      });
      return true;
    }
    return false;
  }

  private async runNext(executor: TrialExecutor, grant: LeaseGrant): Promise<boolean> {
    const trial = await this.lifecycle.claimNext(this.fence(grant));
    if (!trial) return false;
    const window = trial.blackoutOverride ? null : await openFor(this.o.db, trial.experimentId, Date.now());
    if (window) {
      // Queued before the window opened: no chaos starts inside it.
      await this.inHand(trial.id, async () => {
        await executor.skip(trial.id, windowReason(window));
        await this.notify(trial.id);
      });
      log("trial skipped", { trial: trial.id, reason: windowReason(window) });
      return true;
    }
    log("trial started", { trial: trial.id, experiment: trial.experimentId, revision: trial.experimentRevision });
    this.started.set(
      trial.id,
      this.background(trial.id, "notification", (signal) => this.notifier.trialStarted(trial.id, signal)),
    );
    await this.inHand(trial.id, async (current) => {
      const { stop } = current;
      // Async checks on a timer: a check still reading the database when the next is due is not overlapped.
      let watching = false;
      const watcher = setInterval(() => {
        if (watching) return;
        watching = true;
        void this.watchSignal(trial, current).finally(() => {
          watching = false;
        });
      }, 200);
      try {
        try {
          await this.applyHooks(grant, trial.id);
        } catch (err) {
          if (err instanceof LostTrial) throw err;
          await executor.abandon(trial.id, "TrialHookError", `trial-creation hook failed: ${(err as Error).message}`);
          await this.notify(trial.id);
          return;
        }
        const status = await executor.run(trial.id, {
          stop: stop.signal,
          rollback: current.rollback.signal,
          pause: current.pause,
          beforeStep: () => this.beforeStep(stop.signal),
        });
        if (status === null) return log("rollback interrupted: left for the next runner", { trial: trial.id });
        log("trial finished", { trial: trial.id, status });
        await this.notify(trial.id);
        if (trial.scheduleId) {
          const limit = (await new ScheduleRepo(this.o.db).findById(trial.scheduleId))?.historyLimit ?? null;
          if (limit !== null) await this.prune(trial.scheduleId, limit);
        }
      } finally {
        clearInterval(watcher);
      }
    });
    return true;
  }

  /**
   * Runs `work` as the trial in hand. A lost trial (another runner took it over) is left alone;
   * any other error is recorded on the trial by rolling it back, so nothing stays In Progress.
   */
  private async inHand(id: string, work: (current: Current) => Promise<void>): Promise<void> {
    const current: Current = {
      id,
      stop: new AbortController(),
      rollback: new AbortController(),
      pause: new PauseWatch(),
      windowCheckedAt: 0,
    };
    this.current = current;
    try {
      // Every log line written while the trial is in hand names it (lib/log/context.ts).
      await withLogContext({ trial_id: id }, () => work(current));
    } catch (err) {
      if (err instanceof LostTrial) {
        log("trial lost: another runner owns it now; this runner writes nothing more to it", { trial: id });
        return;
      }
      log("trial crashed", { trial: id, error: (err as Error).message });
      const executor = this.executor;
      if (!executor) return;
      try {
        await executor.recover(id, `runner error: ${(err as Error).message}`, { rollback: current.rollback.signal });
        await this.notify(id);
      } catch (again) {
        log("trial could not be rolled back here", { trial: id, error: (again as Error).message });
      }
    } finally {
      this.current = null;
    }
  }

  /**
   * Aborts the running step when a stop was requested or the global signal is STOP, and keeps the
   * pausable step's view of PAUSE current.
   */
  private async watchSignal(trial: Trial, current: Current): Promise<void> {
    const signal = await readSignal(this.o.db);
    current.pause.update(signal.state === "PAUSE");
    if (current.stop.signal.aborted) return;
    const by = await this.lifecycle.pendingStop(trial.id);
    if (by) return current.stop.abort(new StopRequested(by));
    if (signal.state === "STOP") return current.stop.abort(new StopRequested(describeStop(signal)));
    // A blackout window that opens while the trial runs stops it when the window says so.
    if (trial.blackoutOverride || Date.now() - current.windowCheckedAt < WINDOW_CHECK_MS) return;
    current.windowCheckedAt = Date.now();
    const window = await openFor(this.o.db, trial.experimentId, Date.now());
    if (window?.window.onRunning === "stop") current.stop.abort(new StopRequested(windowReason(window)));
  }

  /** Trial-creation hooks may adjust parameters, metadata and ticket before the trial runs. */
  private async applyHooks(grant: LeaseGrant, trialId: string): Promise<void> {
    if (!this.o.toolbox.hooks.length) return;
    const row = await new TrialRepo(this.o.db).findWithDefinition(trialId);
    if (!row) return;
    const { trial: t, experimentName } = row;
    const out = await applyHooks(this.o.toolbox.hooks, {
      id: t.id,
      experiment: { id: t.experimentId, name: experimentName },
      schedule: t.scheduleId,
      parameters: t.parameters,
      metadata: t.metadata,
      ticket: t.ticket,
      initiated_by: t.initiatedBy,
    });
    await this.lifecycle.saveHookChanges(this.fence(grant), trialId, {
      parameters: out.parameters,
      metadata: out.metadata,
      ticket: out.ticket,
    });
  }

  /**
   * Tells the notification channels (e-mail, Slack, Grafana: lib/notifications) and every observer,
   * in the background; a failing delivery is logged and recorded, and never stops the runner.
   */
  private async notify(trialId: string): Promise<void> {
    const start = this.started.get(trialId);
    this.started.delete(trialId);
    void this.background(trialId, "notification", async (signal) => {
      await start; // the end patches the annotation the start opened
      await this.notifier.trialEnded(trialId, signal);
    });
    if (!this.o.toolbox.observers.length) return;
    const summary = await trialSummary(this.o.db, trialId);
    if (!summary) return;
    for (const o of this.o.toolbox.observers) {
      void this.background(trialId, `observer ${o.name}`, (signal) =>
        o.notify(summary, { signal, log: (m) => log("observer", { observer: o.name, message: m }) }),
      );
    }
  }

  /** A delivery the shutdown waits for (bounded); its failure is logged, never thrown. */
  private background(trialId: string, what: string, send: (signal: AbortSignal) => unknown): Promise<void> {
    const delivery = (async () => {
      try {
        await send(AbortSignal.timeout(120_000));
      } catch (err) {
        log(`${what} failed`, { trial: trialId, error: (err as Error).message });
      }
    })();
    this.deliveries.add(delivery);
    void delivery.finally(() => this.deliveries.delete(delivery));
    return delivery;
  }

  /**
   * Awaited before every step: holds while the signal is PAUSE; ends the trial early when the
   * runner is shutting down, or when a stop arrives while it holds.
   */
  private async beforeStep(stop: AbortSignal): Promise<StopRequested | null> {
    for (;;) {
      if (this.stopping) return new StopRequested(`runner shutdown (${this.stopping})`);
      if (stop.aborted) return stop.reason instanceof StopRequested ? stop.reason : new StopRequested("runner");
      if ((await readSignal(this.o.db)).state !== "PAUSE") return null;
      await sleep(this.pollMs);
    }
  }

  private async prune(scheduleId: string, keep: number): Promise<void> {
    const deleted = await this.lifecycle.pruneHistory(scheduleId, keep);
    if (deleted) log("history pruned", { schedule: scheduleId, deleted, history_limit: keep });
  }
}
