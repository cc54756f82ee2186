/**
 * One action per chaos kind. Its `where` is the kind's spec as Chaos Mesh writes it (selector, mode,
 * value, action and the kind's own block, `duration`) plus what steers Eris: `namespace`, `name`,
 * the two timeouts and the cluster connection (as for the k8s module). The actions are pausable: the
 * global PAUSE pauses the injected fault itself (lifecycle.ts).
 */
import { z } from "zod";
import { clusterArgs } from "../k8s/cluster";
import { type ActionDef, defineAction } from "../types";
import { KINDS, type KindDef } from "./kinds";
import { runChaos, type StepArgs } from "./lifecycle";
import { checkValue } from "./selector";

/** A DNS-1123 label: what a namespace, or the start of an object's name, may be. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const namespaceArg = z
  .string()
  .regex(DNS_LABEL, "namespace must be a Kubernetes namespace name (lower-case letters, digits and '-')")
  .max(63);

const stepArgs = {
  ...clusterArgs,
  namespace: namespaceArg.default("default").describe("Namespace the chaos object is created in"),
  name: z
    .string()
    .regex(DNS_LABEL, "name must be lower-case letters, digits and '-', starting and ending with a letter or digit")
    .max(200)
    .optional()
    .describe(
      "Start of the object's name (default: the kind); Eris adds the trial and the step, e.g. web-delay-1a2b3c4d-step1",
    ),
  injection_timeout_seconds: z
    .number()
    .positive()
    .max(3600)
    .default(60)
    .describe("Fail the step when Chaos Mesh has not injected the fault within this many seconds"),
  recovery_timeout_seconds: z
    .number()
    .positive()
    .max(3600)
    .default(60)
    .describe("Fail the step when Chaos Mesh has not recovered the deleted object within this many seconds"),
};

/** The kind's spec schema with its cross-field rules, without the Eris arguments (import uses it). */
export function specSchema(def: KindDef) {
  return z.strictObject(def.shape).superRefine((spec, ctx) => refine(def, spec as Record<string, unknown>, ctx));
}

function refine(def: KindDef, spec: Record<string, unknown>, ctx: z.RefinementCtx): void {
  checkValue(spec as { mode?: string; value?: string }, ctx);
  if (spec.target && typeof spec.target === "object") checkValue(spec.target as { mode?: string }, ctx, ["target"]);
  def.check(spec, ctx);
  if (!def.oneShot(spec) && spec.duration === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["duration"],
      message: "duration is required: Eris holds the fault that long (without it Chaos Mesh keeps it until deleted)",
    });
  }
}

function chaosAction(def: KindDef): ActionDef {
  const args = z
    .strictObject({ ...stepArgs, ...def.shape })
    .superRefine((spec, ctx) => refine(def, spec as Record<string, unknown>, ctx));
  return defineAction({
    description: `Chaos Mesh ${def.kind}: ${def.description}. Creates the object, waits until it is injected, holds it for its duration (PAUSE pauses it), deletes it and waits for the recovery; returns its status.`,
    args,
    pausable: true,
    run: (a, ctx) => runChaos(def, a as unknown as StepArgs, ctx),
  });
}

export const chaosActions: Record<string, ActionDef> = Object.fromEntries(KINDS.map((k) => [k.action, chaosAction(k)]));
