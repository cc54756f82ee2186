/**
 * Checks every step against the module catalogue before an experiment is saved: the action exists,
 * its arguments fit the action's schema, the credentials type is known, the expectations are
 * well formed. Values holding a `{{ parameter }}` are checked after substitution, at run time.
 */
import { nestErrors } from "@/lib/api/drf";
import { AppError } from "@/lib/api/errors";
import { parseExpectation } from "@/lib/modules/expect";
import { type Toolbox, resolveAction } from "@/lib/modules/registry";
import type { StepInput } from "./schemas";

type Issue = { path: (string | number)[]; message: string };
type Lists = { pre_steps?: StepInput[]; steps?: StepInput[]; post_steps?: StepInput[]; guards?: StepInput[] };

const PLACEHOLDER = /\{\{.*?\}\}/;

/** True when the value at `path` (or any value above it) is a templated string. */
function templated(where: unknown, path: PropertyKey[]): boolean {
  let cur: unknown = where;
  for (const key of path) {
    if (typeof cur === "string") return PLACEHOLDER.test(cur);
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return typeof cur === "string" && PLACEHOLDER.test(cur);
}

function checkStep(toolbox: Toolbox, step: StepInput, at: (string | number)[]): Issue[] {
  const resolved = resolveAction(toolbox.modules, step.do);
  if ("error" in resolved) return [{ path: [...at, "do"], message: resolved.error }];
  const issues: Issue[] = [];
  const { credentials, ...args } = step.where;
  if (credentials !== undefined) {
    const type =
      credentials && typeof credentials === "object" ? (credentials as Record<string, unknown>).type : undefined;
    if (typeof type !== "string" || !Object.hasOwn(toolbox.credentials, type)) {
      const known = Object.keys(toolbox.credentials).join(", ");
      issues.push({
        path: [...at, "where", "credentials"],
        message: `Invalid credential type: ${type === undefined ? "None" : String(type)} (known: ${known})`,
      });
    }
  }
  const parsed = resolved.action.args.safeParse(args);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      if (templated(args, i.path)) continue;
      issues.push({ path: [...at, "where", ...i.path.map(String)], message: `${step.do}: ${i.message}` });
    }
  }
  (step.expect ?? []).forEach((item, j) => {
    const e = parseExpectation(item);
    if ("error" in e) issues.push({ path: [...at, "expect", j], message: e.error });
  });
  return issues;
}

export function checkSteps(toolbox: Toolbox, input: Lists): void {
  const issues: Issue[] = [];
  for (const list of ["pre_steps", "steps", "post_steps", "guards"] as const) {
    for (const [i, step] of (input[list] ?? []).entries()) issues.push(...checkStep(toolbox, step, [list, i]));
  }
  if (issues.length) throw new AppError("validation", "Invalid steps.", { fields: nestErrors(issues) });
}

/** One step that stands alone in a body (a global guard's `step`): errors under `field`. */
export function checkOneStep(toolbox: Toolbox, step: StepInput, field: string): void {
  const issues = checkStep(toolbox, step, [field]);
  if (issues.length) throw new AppError("validation", "Invalid step.", { fields: nestErrors(issues) });
}
