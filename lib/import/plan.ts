/**
 * What an imported document describes, checked before anything is written: Eris's own experiment
 * export, a Chaos Mesh Schedule, or a bare Chaos Mesh chaos object. Every problem is reported at its
 * path in the document (issues.ts); a document of none of these shapes says what is accepted.
 */
import { AppError } from "@/lib/api/errors";
import { checkSteps } from "@/lib/experiments/check-steps";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { KINDS, kindNamed } from "@/lib/modules/chaosmesh/kinds";
import type { Toolbox } from "@/lib/modules/registry";
import { type Plan, fromChaosObject, fromSchedule } from "./from-chaos-mesh";
import { Issues } from "./issues";
import type { ReadDocument } from "./read";

export type { Plan } from "./from-chaos-mesh";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const WHAT_WORKS =
  "Import takes an Eris experiment export (name, steps, …), a Chaos Mesh Schedule (apiVersion: chaos-mesh.org/v1alpha1, kind: Schedule) or a Chaos Mesh chaos object (kind: NetworkChaos, PodChaos, …).";

export function planImport(toolbox: Toolbox, read: ReadDocument): Plan {
  const doc = read.value;
  if (!isObject(doc)) throw new AppError("bad_request", `The document is not an object. ${WHAT_WORKS}`);
  const issues = new Issues(read.lineOf);
  const apiVersion = typeof doc.apiVersion === "string" ? doc.apiVersion : "";
  const kind = typeof doc.kind === "string" ? doc.kind : "";
  let plan: Plan | null;
  if (apiVersion.startsWith("chaos-mesh.org/")) {
    if (!Object.hasOwn(toolbox.modules, "chaosmesh")) {
      throw new AppError(
        "bad_request",
        "Chaos Mesh documents need the chaosmesh module, which this Eris's module map leaves out.",
      );
    }
    const def = kindNamed(kind);
    if (kind === "Schedule") plan = fromSchedule(doc, issues);
    else if (def) plan = fromChaosObject(doc, def, issues);
    else {
      const known = ["Schedule", ...KINDS.map((k) => k.kind)].join(", ");
      issues.add(["kind"], `"${kind}" is not a Chaos Mesh kind Eris imports (${known})`);
      plan = null;
    }
    if (plan && issues.empty) checkExperiment(plan, issues, ["metadata", "name"]);
  } else if (apiVersion || kind) {
    throw new AppError(
      "validation",
      `kind: ${kind || "(none)"} of ${apiVersion || "(no apiVersion)"} is not something Eris imports. ${WHAT_WORKS}`,
      {
        fields: {
          kind: [
            `${kind || "(none)"} of ${apiVersion || "(no apiVersion)"} is not something Eris imports. ${WHAT_WORKS}`,
          ],
        },
      },
    );
  } else {
    plan = fromErisExport(toolbox, doc, issues);
  }
  issues.check();
  return plan as Plan;
}

/** Eris's own export: the experiment's definition, checked as a create is (the same messages). */
function fromErisExport(toolbox: Toolbox, doc: Record<string, unknown>, issues: Issues): Plan | null {
  const parsed = createExperimentSchema.safeParse(doc);
  if (!parsed.success) {
    issues.addAll([], parsed.error.issues);
    return null;
  }
  try {
    checkSteps(toolbox, parsed.data);
  } catch (err) {
    if (!(err instanceof AppError && err.fields)) throw err;
    issues.addFields([], err.fields);
    return null;
  }
  return { source: "eris", experiment: parsed.data, schedule: null };
}

/** The experiment a Chaos Mesh document becomes must be a valid one (e.g. its name not too long). */
function checkExperiment(plan: Plan, issues: Issues, nameAt: (string | number)[]): void {
  const parsed = createExperimentSchema.safeParse(plan.experiment);
  if (parsed.success) return;
  for (const i of parsed.error.issues) {
    if (i.path[0] === "name") issues.add(nameAt, `the experiment's name: ${i.message}`);
    else
      issues.add(
        i.path.map((p) => (typeof p === "number" ? p : String(p))),
        i.message,
      );
  }
}
