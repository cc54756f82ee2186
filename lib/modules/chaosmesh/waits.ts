/**
 * The waits of a chaos step, all abortable and all aware of the global PAUSE (ctx.pause): while PAUSE
 * holds, the step's object carries the pause annotation (Chaos Mesh pauses the fault at once) and
 * no time counts, neither the hold's nor the injection timeout's; on RUN the annotation goes.
 */
import type { Kube } from "../k8s/cluster";
import { type ActionContext, FailedAction, sleep } from "../types";
import {
  type ChaosObject,
  PAUSE_ANNOTATION,
  type Ref,
  condition,
  describeConditions,
  objectEvents,
  readObject,
  setPaused,
} from "./objects";

export const POLL_MS = 200;
/** How long a recovered object may take to go before the step moves on without it. */
const FINALIZE_GRACE_MS = 5000;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const where = (r: Ref) => `${r.kind} ${r.namespace}/${r.name}`;

/** Sleeps up to `ms`, waking early when PAUSE comes or goes; rejects when the step is aborted. */
export async function pausableSleep(ms: number, ctx: ActionContext): Promise<void> {
  if (!ctx.pause) return sleep(ms, ctx.signal);
  const done = new AbortController();
  const signal = AbortSignal.any([ctx.signal, done.signal]);
  const sleeping = sleep(ms, signal);
  const changing = ctx.pause.nextChange(signal);
  // The loser is abandoned below: its rejection is expected, not an error.
  sleeping.catch(() => {});
  changing.catch(() => {});
  try {
    await Promise.race([sleeping, changing]);
  } finally {
    done.abort();
  }
}

export const isPaused = (ctx: ActionContext) => ctx.pause?.isPaused() ?? false;

/**
 * PAUSE holds: annotates the object at once, waits for RUN, removes the annotation. Returns how
 * long the pause lasted. An abort while paused rejects (the caller deletes the object).
 */
export async function sitOutPause(kube: Kube, ref: Ref, ctx: ActionContext): Promise<number> {
  const start = Date.now();
  await setPaused(kube, ref, true);
  ctx.log(
    `PAUSE: ${where(ref)} annotated ${PAUSE_ANNOTATION}=true; Chaos Mesh pauses the fault, the hold stops counting`,
  );
  while (ctx.pause?.isPaused()) await ctx.pause.nextChange(ctx.signal);
  await setPaused(kube, ref, false);
  const paused = Date.now() - start;
  ctx.log(`RUN: ${PAUSE_ANNOTATION} removed from ${where(ref)} after ${seconds(paused)} paused`);
  return paused;
}

/**
 * Polls until Chaos Mesh reports AllInjected. Fails after `timeoutMs` (paused time not counted)
 * with the object's own conditions and events, which say why (e.g. no pod matched the selector).
 * `ref` is read anew at every poll: `onPause` (which sits out a PAUSE) may replace the object.
 */
export async function waitInjected(
  kube: Kube,
  ref: () => Ref,
  timeoutMs: number,
  ctx: ActionContext,
  onPause: () => Promise<void>,
): Promise<ChaosObject> {
  let waitedMs = 0;
  for (;;) {
    if (isPaused(ctx)) {
      await onPause();
      continue;
    }
    const object = await readObject(kube, ref());
    if (!object) throw new FailedAction(`${where(ref())} disappeared before Chaos Mesh injected it`);
    if (condition(object, "AllInjected") === "True") return object;
    if (waitedMs >= timeoutMs) throw await notInjected(kube, ref(), object, timeoutMs, ctx);
    const start = Date.now();
    await pausableSleep(Math.min(POLL_MS, timeoutMs - waitedMs), ctx);
    if (!isPaused(ctx)) waitedMs += Date.now() - start;
  }
}

async function notInjected(kube: Kube, ref: Ref, object: ChaosObject, timeoutMs: number, ctx: ActionContext) {
  const conditions = describeConditions(object);
  let events: string[];
  try {
    events = await objectEvents(kube, ref);
  } catch (err) {
    events = [`(the events could not be read: ${(err as Error).message})`];
  }
  ctx.log(`Chaos Mesh's conditions for ${where(ref)}: ${conditions}`);
  for (const e of events) ctx.log(`Chaos Mesh's event for ${where(ref)}: ${e}`);
  return new FailedAction(
    `${where(ref)} was not injected within ${timeoutMs / 1000} s (injection_timeout_seconds): ${conditions}; events: ${events.join("; ") || "none"}`,
  );
}

/**
 * Polls until the deleted object is gone (normally right after Chaos Mesh reports AllRecovered).
 * Fails after `timeoutMs` with its conditions when it never recovered: Chaos Mesh could not undo
 * the fault in time.
 */
export async function waitRecovered(kube: Kube, ref: Ref, timeoutMs: number, signal: AbortSignal): Promise<string> {
  const end = Date.now() + timeoutMs;
  let recoveredAt: number | null = null;
  for (;;) {
    const object = await readObject(kube, ref);
    if (!object) return "gone";
    // Recovered: Chaos Mesh lets the object go right after; a finalizer that lingers is not the fault.
    if (condition(object, "AllRecovered") === "True") recoveredAt ??= Date.now();
    if (recoveredAt !== null && (Date.now() - recoveredAt > FINALIZE_GRACE_MS || Date.now() >= end)) {
      return "AllRecovered=True (the object is still being removed)";
    }
    if (recoveredAt === null && Date.now() >= end) {
      throw new FailedAction(
        `${where(ref)} was deleted but not recovered within ${timeoutMs / 1000} s (recovery_timeout_seconds): ${describeConditions(object)}`,
      );
    }
    await sleep(POLL_MS, signal);
  }
}
