/**
 * Guards: probe steps that run on their own interval alongside a trial's steps (from the start of
 * `steps` until post_steps begin). A guard that fails more than `tolerance` times in a row trips:
 * the trial is stopped as a stop request stops it, and its record says which guard, when, and what
 * it saw. Each guard check is a step run (same action resolution, credentials, expectations,
 * masking), whose outcome is kept in the trial's `guard_record`, not in Kallisti's `trial_record`.
 */
import type { Guard } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import type { SecretSet } from "@/lib/credentials/secrets";
import type { Toolbox } from "@/lib/modules/registry";
import type { StepLog } from "./records";
import { runStep } from "./step-run";
import { render } from "./template";

export type GuardCheck = { at: string; ok: boolean; message?: string };

export type GuardState = {
  name: string;
  do: string;
  interval_seconds: number;
  tolerance: number;
  checks: number;
  failures: number;
  consecutive_failures: number;
  tripped_at: string | null;
  last: GuardCheck | null;
  /** The latest checks, oldest first (at most HISTORY). */
  history: GuardCheck[];
};

export type GuardRecord = {
  started_at?: string | null;
  ended_at?: string | null;
  guards?: GuardState[];
  tripped?: { name: string; at: string; saw: string } | null;
};

const HISTORY = 50;

/** Passed and total checks in a stored guard record (a trial recovered by another runner). */
export function guardCounts(record: GuardRecord | Record<string, unknown>): { passed: number; total: number } {
  const states = ((record as GuardRecord).guards ?? []) as GuardState[];
  const total = states.reduce((n, s) => n + s.checks, 0);
  return { passed: total - states.reduce((n, s) => n + s.failures, 0), total };
}

/** Why the trial's step was aborted: a guard tripped. */
export class GuardTripped extends Error {
  constructor(
    readonly guard: string,
    readonly at: string,
    readonly saw: string,
  ) {
    super(`guard "${guard}" tripped at ${at}: ${saw}`);
    this.name = "GuardTripped";
  }
}

export const guardName = (g: Guard, i: number) => g.name ?? g.step ?? `${g.do} #${i + 1}`;

type WatchOptions = {
  toolbox: Toolbox;
  trialId: string;
  params: Record<string, unknown>;
  secrets: SecretSet;
  /** Called after every check (the caller writes the record out). */
  onChange: () => void;
};

export class GuardWatch {
  private readonly states: GuardState[];
  private readonly halt = new AbortController();
  private loops: Promise<void>[] = [];
  private startedAt: string | null = null;
  private endedAt: string | null = null;
  private tripped: GuardRecord["tripped"] = null;
  /** Aborted (with a GuardTripped reason) when a guard trips: the trial's steps listen to it. */
  readonly trip = new AbortController();

  constructor(
    private readonly guards: Guard[],
    private readonly o: WatchOptions,
  ) {
    this.states = guards.map((g, i) => ({
      name: guardName(g, i),
      do: g.do,
      interval_seconds: g.interval_seconds,
      tolerance: g.tolerance,
      checks: 0,
      failures: 0,
      consecutive_failures: 0,
      tripped_at: null,
      last: null,
      history: [],
    }));
  }

  start(): void {
    if (!this.guards.length) return;
    this.startedAt = isoTime(Date.now());
    this.loops = this.guards.map((g, i) => this.watch(g, this.states[i]));
  }

  /** Stops every guard (post_steps are about to begin, or the trial ended) and waits for checks in flight. */
  async stop(): Promise<void> {
    if (!this.startedAt || this.endedAt) return;
    this.halt.abort(new Error("guards stopped: the trial's steps are over"));
    await Promise.all(this.loops);
    this.endedAt = isoTime(Date.now());
  }

  record(): GuardRecord {
    if (!this.guards.length) return {};
    return { started_at: this.startedAt, ended_at: this.endedAt, guards: this.states, tripped: this.tripped };
  }

  /** Passed and total checks, for the resilience score. */
  counts(): { passed: number; total: number } {
    return guardCounts({ guards: this.states });
  }

  private async watch(guard: Guard, state: GuardState): Promise<void> {
    while (!this.halt.signal.aborted) {
      const saw = await this.check(guard);
      if (this.halt.signal.aborted) return; // cut short by the end of the steps: not a result
      const at = isoTime(Date.now()) as string;
      const check: GuardCheck = saw === null ? { at, ok: true } : { at, ok: false, message: saw };
      state.checks++;
      state.last = check;
      state.history = [...state.history, check].slice(-HISTORY);
      if (saw === null) state.consecutive_failures = 0;
      else {
        state.failures++;
        state.consecutive_failures++;
        if (state.consecutive_failures > state.tolerance && !this.tripped) {
          state.tripped_at = at;
          this.tripped = { name: state.name, at, saw };
          this.trip.abort(new GuardTripped(state.name, at, saw));
        }
      }
      this.o.onChange();
      if (this.tripped) return;
      await sleep(guard.interval_seconds * 1000, this.halt.signal);
    }
  }

  /** One check: null when it passed, else what it saw (the failure, secrets masked). */
  private async check(guard: Guard): Promise<string | null> {
    const entry: StepLog = { step_name: guard.do, step_parameters: {}, logs: [] };
    const where = render(guard.where, this.o.params);
    this.o.secrets.addByKeyName(where);
    return runStep({
      toolbox: this.o.toolbox,
      trialId: this.o.trialId,
      step: guard,
      where,
      entry,
      stop: this.halt.signal,
      secrets: this.o.secrets,
    });
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
