/**
 * One chaos step, start to end: create the object (named after the trial and step, labelled with the
 * trial), wait until Chaos Mesh reports it injected, hold it for its duration, delete it and wait for
 * the recovery. The spec keeps Chaos Mesh's own `duration`, so Chaos Mesh ends the fault by itself
 * even if Eris is gone. A stop (or any failure) deletes the object at once.
 *
 * The hold is counted from the object's creation, as Chaos Mesh counts `duration`. PAUSE (see
 * waits.ts) annotates the object and stops the hold's clock, but not Chaos Mesh's: after a pause
 * longer than SHORTFALL_MS a new object carries the rest (the fault resumes for the time still owed).
 */
import { randomBytes } from "node:crypto";
import { type ClusterArgs, type Kube, KubeApiError, clusterArgs, connect } from "../k8s/cluster";
import { type ActionContext, FailedAction, sleep } from "../types";
import type { KindDef } from "./kinds";
import {
  API_VERSION,
  type ChaosObject,
  MANAGED_BY,
  type Ref,
  TRIAL_LABEL,
  createObject,
  deleteObject,
  readObject,
  targetsOf,
} from "./objects";
import { POLL_MS, isPaused, pausableSleep, seconds, sitOutPause, waitInjected, waitRecovered, where } from "./waits";
import { goDurationMs } from "@/lib/schedules/every";

/** How much of the hold Chaos Mesh's own duration may miss (it kept counting while paused) before a new object is made. */
const SHORTFALL_MS = 500;

export type StepArgs = ClusterArgs & {
  namespace: string;
  name?: string;
  injection_timeout_seconds: number;
  recovery_timeout_seconds: number;
} & Record<string, unknown>;

/** Arguments that steer Eris, not Chaos Mesh: everything else is the object's spec. */
export const ERIS_KEYS = new Set([
  ...Object.keys(clusterArgs),
  "namespace",
  "name",
  "injection_timeout_seconds",
  "recovery_timeout_seconds",
]);

export const specOf = (args: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(args).filter(([k, v]) => !ERIS_KEYS.has(k) && v !== undefined));

const LIST_WORD = { pre_steps: "pre", steps: "step", post_steps: "post" } as const;

/** `networkchaos-1a2b3c4d-step1`: the base (the step's `name`, else the kind), the trial, the step. */
export function objectName(def: KindDef, base: string | undefined, ctx: ActionContext): string {
  const trial = (ctx.trialId ?? "manual").slice(0, 8).toLowerCase();
  const step = ctx.step ? `${LIST_WORD[ctx.step.list]}${ctx.step.index + 1}` : randomBytes(3).toString("hex");
  return `${(base ?? def.plural).slice(0, 200)}-${trial}-${step}`;
}

function body(ref: Ref, spec: Record<string, unknown>, ctx: ActionContext): ChaosObject {
  const labels = { ...MANAGED_BY, ...(ctx.trialId ? { [TRIAL_LABEL]: ctx.trialId } : {}) };
  const annotations = ctx.step ? { "eris.io/step": `${ctx.step.list}[${ctx.step.index}]` } : undefined;
  return {
    apiVersion: API_VERSION,
    kind: ref.kind,
    metadata: { name: ref.name, namespace: ref.namespace, labels, ...(annotations ? { annotations } : {}) },
    spec,
  };
}

/**
 * Creates the object. One left by an interrupted run of this very step (same name, same trial) is
 * deleted first; anyone else's object of that name is left alone and the step fails.
 */
async function create(kube: Kube, ref: Ref, obj: ChaosObject, args: StepArgs, ctx: ActionContext) {
  try {
    return await createObject(kube, ref, obj);
  } catch (err) {
    if (!(err instanceof KubeApiError && err.code === 409)) throw err;
    const existing = await readObject(kube, ref);
    if (!ctx.trialId || existing?.metadata.labels?.[TRIAL_LABEL] !== ctx.trialId) throw err;
    ctx.log(`${where(ref)} is left from an interrupted run of this step: deleting it first`);
    await deleteObject(kube, ref);
    await waitGone(kube, ref, args.recovery_timeout_seconds * 1000, ctx.signal);
    return createObject(kube, ref, obj);
  }
}

async function waitGone(kube: Kube, ref: Ref, timeoutMs: number, signal: AbortSignal) {
  const end = Date.now() + timeoutMs;
  while (await readObject(kube, ref)) {
    if (Date.now() > end)
      throw new FailedAction(`${where(ref)} was deleted but is still there after ${timeoutMs / 1000} s`);
    await sleep(POLL_MS, signal);
  }
}

/** One run of a chaos step; its state is the object it holds now (a pause may replace it). */
class ChaosStep {
  ref: Ref;
  /** Only an object this step created is ever deleted by it. */
  created = false;
  pausedMs = 0;
  /** Pauses since the current object was created: Chaos Mesh's clock for it did not stop. */
  private pausedOnObject = 0;
  private replaced = 0;
  // Chaos Mesh counts `duration` from the object's creation: so does the hold (plus any pause).
  readonly startedAt = Date.now();
  private readonly holdMs: number;

  constructor(
    private readonly def: KindDef,
    private readonly args: StepArgs,
    private readonly ctx: ActionContext,
    private readonly kube: Kube,
    private readonly spec: Record<string, unknown>,
  ) {
    this.ref = { kind: def.kind, plural: def.plural, namespace: args.namespace, name: objectName(def, args.name, ctx) };
    const durationMs = typeof spec.duration === "string" ? (goDurationMs(spec.duration) as number) : 0;
    this.holdMs = def.oneShot(spec) ? 0 : durationMs;
  }

  private left = () => this.holdMs - (Date.now() - this.startedAt - this.pausedMs);

  async create(spec = this.spec): Promise<void> {
    await create(this.kube, this.ref, body(this.ref, spec, this.ctx), this.args, this.ctx);
    this.created = true;
    this.pausedOnObject = 0;
  }

  injected(): Promise<ChaosObject> {
    const timeout = this.args.injection_timeout_seconds * 1000;
    return waitInjected(
      this.kube,
      () => this.ref,
      timeout,
      this.ctx,
      () => this.sitOutPause(),
    );
  }

  /** Holds until the hold time (not counting pauses) is over. */
  async hold(): Promise<void> {
    if (this.holdMs > 0) this.ctx.log(`Holding the fault for ${this.spec.duration} from its creation`);
    while (this.left() > 0) {
      if (!isPaused(this.ctx)) {
        await pausableSleep(this.left(), this.ctx);
        continue;
      }
      await this.sitOutPause();
      await this.injected();
      this.ctx.log(`${where(this.ref)} injected again; holding for the remaining ${seconds(Math.max(0, this.left()))}`);
    }
  }

  /**
   * PAUSE: the object is annotated until RUN. Chaos Mesh's own duration kept counting meanwhile, so
   * it would now end before the hold does: a new object carries the rest (its duration: the time
   * still owed). A pause shorter than SHORTFALL_MS keeps the object.
   */
  private async sitOutPause(): Promise<void> {
    const paused = await sitOutPause(this.kube, this.ref, this.ctx);
    this.pausedMs += paused;
    this.pausedOnObject += paused;
    if (this.holdMs === 0 || this.pausedOnObject <= SHORTFALL_MS) return;
    const rest = `${Math.ceil(this.left() / 1000)}s`;
    this.ctx.log(
      `Chaos Mesh counts duration from creation: ${where(this.ref)} ends too soon, a new object holds the remaining ${rest}`,
    );
    await deleteObject(this.kube, this.ref);
    await waitRecovered(this.kube, this.ref, this.args.recovery_timeout_seconds * 1000, this.ctx.signal);
    this.created = false;
    this.ref = { ...this.ref, name: `${objectName(this.def, this.args.name, this.ctx)}-r${++this.replaced}` };
    await this.create({ ...this.spec, duration: rest });
    this.ctx.log(`Created ${where(this.ref)} for the remaining ${rest}`);
  }

  /** Deletes the object and waits for Chaos Mesh to recover it. */
  async finish(): Promise<string> {
    const deleted = await deleteObject(this.kube, this.ref);
    return deleted
      ? waitRecovered(this.kube, this.ref, this.args.recovery_timeout_seconds * 1000, this.ctx.signal)
      : "gone";
  }
}

export async function runChaos(def: KindDef, args: StepArgs, ctx: ActionContext) {
  const kube = await connect(args, ctx);
  const spec = specOf(args);
  const step = new ChaosStep(def, args, ctx, kube, spec);
  try {
    await step.create();
    ctx.log(`Created ${where(step.ref)}${ctx.trialId ? ` (label ${TRIAL_LABEL}=${ctx.trialId})` : ""}`);
    const object = await step.injected();
    const targets = targetsOf(object);
    ctx.log(
      `${where(step.ref)} injected after ${seconds(Date.now() - step.startedAt)}: AllInjected=True, ${targets.length} target(s): ${targets.join(", ")}`,
    );
    await step.hold();
    const recovered = await step.finish();
    ctx.log(`Deleted ${where(step.ref)}: ${recovered}`);
    return {
      kind: def.kind,
      namespace: step.ref.namespace,
      name: step.ref.name,
      targets,
      injected: true,
      held_seconds: def.oneShot(spec) ? 0 : (goDurationMs(String(spec.duration)) as number) / 1000,
      paused_seconds: Math.round(step.pausedMs) / 1000,
      recovered,
      status: object.status ?? {},
    };
  } catch (err) {
    if (step.created) await removeAtOnce(args, step.ref, ctx, err);
    throw err;
  }
}
/**
 * A stop, a guard, a shutdown or a failure: the object goes at once, through a connection of its
 * own (the step's signal may be aborted), and a bounded wait for Chaos Mesh to recover it.
 */
async function removeAtOnce(args: StepArgs, ref: Ref, ctx: ActionContext, cause: unknown) {
  const stopped = ctx.signal.aborted;
  try {
    const signal = AbortSignal.timeout(30_000);
    const kube = await connect(args, { ...ctx, signal, log: () => {} });
    if (!(await deleteObject(kube, ref))) return;
    const recovered = await waitRecovered(kube, ref, Math.min(args.recovery_timeout_seconds, 10) * 1000, signal);
    ctx.log(`${stopped ? "Stopped" : "Failed"}: deleted ${where(ref)} at once: ${recovered}`);
  } catch (err) {
    const why = cause instanceof Error ? cause.message : String(cause);
    ctx.log(
      `${where(ref)} could not be deleted after "${why}": ${(err as Error).message}; the trial's cleanup deletes it`,
    );
  }
}
