/**
 * The parts every chaos kind's spec shares (chaos-mesh.org/v1alpha1 selector.go): the pod selector,
 * `mode` and `value`, the container selector, `duration` and `remoteCluster`. Objects are strict, as
 * kubectl's server-side field validation is: a misspelt key is an error naming it, not a field
 * silently dropped. Chaos Mesh's own defaults are left to Chaos Mesh (no defaults here), so the
 * object Eris creates holds exactly what the step says.
 */
import { z } from "zod";

const stringMap = z.record(z.string(), z.string());
const strings = z.array(z.string());

/** Go's time.ParseDuration syntax, unsigned: "12s", "1h30m", "300ms". */
export const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
export const goDuration = (what: string) =>
  z.string().regex(GO_DURATION, `${what} must be a duration such as "30s", "5m" or "1h30m"`);

export const podSelectorSpec = z
  .strictObject({
    namespaces: strings.optional().describe("Namespaces of the target pods (default: the object's namespace)"),
    labelSelectors: stringMap.optional().describe('Labels the pods carry, e.g. {"app": "web-show"}'),
    expressionSelectors: z
      .array(
        z.strictObject({
          key: z.string().min(1),
          operator: z.enum(["In", "NotIn", "Exists", "DoesNotExist"]),
          values: strings.optional(),
        }),
      )
      .optional()
      .describe("Set-based label requirements (key, operator In/NotIn/Exists/DoesNotExist, values)"),
    annotationSelectors: stringMap.optional().describe("Annotations the pods carry"),
    fieldSelectors: stringMap.optional().describe('Field selectors, e.g. {"metadata.name": "web-0"}'),
    nodes: strings.optional().describe("Names of the nodes the pods run on"),
    nodeSelectors: stringMap.optional().describe("Labels of the nodes the pods run on"),
    pods: z.record(z.string(), strings).optional().describe('Pods by namespace: {"default": ["web-0"]}'),
    podPhaseSelectors: z
      .array(z.enum(["Pending", "Running", "Succeeded", "Failed", "Unknown"]))
      .optional()
      .describe("Pod phases, e.g. [Running]"),
  })
  .describe('Which pods, e.g. {"namespaces": ["default"], "labelSelectors": {"app": "web-show"}}');

export const MODES = ["one", "all", "fixed", "fixed-percent", "random-max-percent"] as const;
const NEEDS_VALUE = new Set(["fixed", "fixed-percent", "random-max-percent"]);

/** Chaos Mesh's `value` is a string; a YAML number is accepted and sent as text. */
const value = z
  .union([z.string().regex(/^\d+$/, 'value must be a whole number, e.g. "2"'), z.number().int().min(0)])
  .transform(String)
  .optional()
  .describe("How many pods (fixed) or what percent of them (fixed-percent, random-max-percent)");

/** selector, mode and value: Chaos Mesh's PodSelector. */
export const podSelector = {
  selector: podSelectorSpec,
  mode: z.enum(MODES).describe("How many of the selected pods: one, all, fixed, fixed-percent, random-max-percent"),
  value,
};

/** PodSelector plus containerNames: Chaos Mesh's ContainerSelector. */
export const containerSelector = {
  ...podSelector,
  containerNames: strings.optional().describe("Containers to affect (default: the first container of each pod)"),
};

export const durationArg = goDuration("duration").describe(
  "How long the fault lasts, e.g. 30s: Eris holds it that long and Chaos Mesh recovers it by itself after that time",
);

export const remoteClusterArg = z.string().optional().describe("A remote cluster registered with Chaos Mesh");

type Ctx = z.RefinementCtx;
type Spec = { mode?: string; value?: string };

/** `value` is required by the modes that count (Chaos Mesh's webhook refuses them without it). */
export function checkValue(spec: Spec, ctx: Ctx, at: (string | number)[] = []): void {
  if (spec.mode && NEEDS_VALUE.has(spec.mode) && spec.value === undefined) {
    ctx.addIssue({ code: "custom", path: [...at, "value"], message: `value is required when mode is ${spec.mode}` });
  }
}

/** The block an action needs (`delay` for action delay, …) must be there. */
export function requireBlock(spec: Record<string, unknown>, block: string, why: string, ctx: Ctx): void {
  if (spec[block] === undefined)
    ctx.addIssue({ code: "custom", path: [block], message: `${block} is required ${why}` });
}
