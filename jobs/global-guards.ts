/**
 * The runner watches the global guards while it holds the lease: each enabled guard is checked on
 * its interval; more than `tolerance` failures in a row set the global signal to the guard's action
 * (PAUSE or STOP) with the guard named as the reason, once, until the guard passes again.
 */
import type { DB } from "@/db/client";
import type { GlobalGuard, SignalState } from "@/db/schema";
import { SecretSet } from "@/lib/credentials/secrets";
import { GlobalGuardService } from "@/lib/global-guards/service";
import type { Toolbox } from "@/lib/modules/registry";
import { readSignal, setSignal } from "@/lib/signal/service";
import type { StepLog } from "@/lib/trials/records";
import { runStep } from "@/lib/trials/step-run";
import { log } from "./log";

const SEVERITY: Record<SignalState, number> = { RUN: 0, PAUSE: 1, STOP: 2 };
const TICK_MS = 500;

export class GlobalGuardWatch {
  private readonly failures = new Map<string, number>();
  private readonly dueAt = new Map<string, number>();
  private readonly service: GlobalGuardService;

  constructor(
    private readonly db: DB,
    private readonly toolbox: Toolbox,
  ) {
    this.service = new GlobalGuardService(db);
  }

  /** Checks every guard that is due; call it often (the runner's loop does, every TICK_MS). */
  async tick(now = Date.now()): Promise<void> {
    for (const guard of await this.service.enabled()) {
      if ((this.dueAt.get(guard.id) ?? 0) > now) continue;
      this.dueAt.set(guard.id, now + guard.intervalSeconds * 1000);
      await this.check(guard);
    }
  }

  static readonly TICK_MS = TICK_MS;

  private async check(guard: GlobalGuard): Promise<void> {
    const secrets = new SecretSet();
    secrets.addByKeyName(guard.step.where);
    const entry: StepLog = { step_name: guard.step.do, step_parameters: {}, logs: [] };
    const saw = await runStep({
      toolbox: this.toolbox,
      trialId: `guard-${guard.id}`,
      step: guard.step,
      where: guard.step.where,
      entry,
      stop: AbortSignal.timeout(Math.max(1000, guard.intervalSeconds * 1000)),
      secrets,
    });
    const at = Date.now();
    if (saw === null) {
      this.failures.set(guard.id, 0);
      await this.service.recordCheck(guard.id, {
        at,
        ok: true,
        message: null,
        tripped: guard.trippedAt ? false : undefined,
      });
      return;
    }
    const failures = (this.failures.get(guard.id) ?? 0) + 1;
    this.failures.set(guard.id, failures);
    const trips = failures > guard.tolerance && guard.trippedAt === null;
    await this.service.recordCheck(guard.id, { at, ok: false, message: saw, tripped: trips ? true : undefined });
    if (!trips) return;
    const current = await readSignal(this.db);
    log("global guard tripped", { guard: guard.name, action: guard.action, saw });
    if (SEVERITY[current.state] >= SEVERITY[guard.action]) return;
    await setSignal(
      this.db,
      { state: guard.action, reason: `guard "${guard.name}" failed ${failures} times in a row: ${saw}`.slice(0, 500) },
      `guard:${guard.name}`,
    );
  }
}
