/**
 * The wizard edits a Draft, not the API document: rows and steps carry ids so React keeps each
 * input's focus and state through reordering, and typed-in values stay text until they are sent.
 * toExperiment() is the only way out, so Review and the JSON/YAML tab show exactly what is POSTed.
 */
import type { ExperimentDefinition, Guard, Step, StepList } from "@/components/experiments/types";
import { fromRows, type Row, readValue, showValue, toRows } from "@/components/ui/rows-editor";

export type { Row };
export type ExpectRow = { id: string; operator: string; path: string; value: string };
export type DraftStep = {
  id: string;
  description: string;
  action: string;
  where: Record<string, unknown>;
  /** Arguments typed as JSON that do not parse yet, as typed: kept, and saving waits for them. */
  raw: Record<string, string>;
  expect: ExpectRow[];
  /** Only on a guard: how often it runs and how many failures in a row it allows, as typed. */
  guard?: { interval: string; tolerance: string };
};
/** The lists the wizard edits as steps: the three step lists and the guards. */
export type EditList = StepList | "guards";
export const EDIT_LISTS = ["pre_steps", "steps", "post_steps", "guards"] as const satisfies readonly EditList[];
export type Draft = { name: string; description: string; metadata: Row[]; parameters: Row[] } & Record<
  EditList,
  DraftStep[]
>;

// Ids only need to be unique within a tab, but a draft restored from storage brings its own:
// a per-load prefix keeps new rows from reusing them.
const LOAD = Math.random().toString(36).slice(2, 7);
let counter = 0;
export const newId = () => `d${LOAD}${++counter}`;

export const emptyStep = (): DraftStep => ({
  id: newId(),
  description: "",
  action: "",
  where: {},
  raw: {},
  expect: [],
});

/** The API's defaults (lib/experiments/schemas.ts guardSchema), filled in so the form shows them. */
export const GUARD_DEFAULTS = { interval: "10", tolerance: "0" };

export const emptyGuard = (): DraftStep => ({ ...emptyStep(), guard: { ...GUARD_DEFAULTS } });

function toDraftGuard(g: Guard): DraftStep {
  return {
    ...toDraftStep(g),
    // A guard is named by `name`; `step` is read too, as the runner does when there is no name.
    description: g.name ?? g.step ?? "",
    guard: {
      interval: g.interval_seconds === undefined ? GUARD_DEFAULTS.interval : String(g.interval_seconds),
      tolerance: g.tolerance === undefined ? GUARD_DEFAULTS.tolerance : String(g.tolerance),
    },
  };
}

/** A whole number as typed becomes a number; anything else is sent as typed, for the API to name the field. */
const readInt = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);

function toGuard(s: DraftStep): Guard {
  const { step, ...rest } = toStep({ ...s, description: "" });
  const name = s.description.trim();
  return {
    ...(name ? { name } : {}),
    ...rest,
    interval_seconds: readInt(s.guard?.interval ?? GUARD_DEFAULTS.interval),
    tolerance: readInt(s.guard?.tolerance ?? GUARD_DEFAULTS.tolerance),
  };
}

export function toDraftStep(step: Step): DraftStep {
  return {
    id: newId(),
    description: step.step ?? "",
    action: step.do ?? "",
    where: step.where && typeof step.where === "object" ? step.where : {},
    raw: {},
    // An expectation is {"operator": …, "<jsonpath>": expected}: one key besides the operator.
    expect: (Array.isArray(step.expect) ? step.expect : []).map((x) => {
      const { operator, ...rest } = x;
      const [path, value] = Object.entries(rest)[0] ?? ["", ""];
      return { id: newId(), operator: String(operator ?? "eq"), path, value: showValue(value) };
    }),
  };
}

export function toStep(s: DraftStep): Step {
  const expect = s.expect.map((x) => ({ operator: x.operator, [x.path]: readValue(x.value) }));
  return {
    ...(s.description.trim() ? { step: s.description.trim() } : {}),
    do: s.action,
    where: s.where,
    ...(expect.length ? { expect } : {}),
  };
}

export function fromDefinition(d: ExperimentDefinition): Draft {
  return {
    name: d.name,
    description: d.description,
    metadata: toRows(d.metadata),
    parameters: toRows(d.parameters),
    pre_steps: d.pre_steps.map(toDraftStep),
    steps: d.steps.map(toDraftStep),
    post_steps: d.post_steps.map(toDraftStep),
    guards: (d.guards ?? []).map(toDraftGuard),
  };
}

export function toExperiment(d: Draft): ExperimentDefinition {
  return {
    name: d.name,
    description: d.description,
    metadata: fromRows(d.metadata),
    parameters: fromRows(d.parameters),
    pre_steps: d.pre_steps.map(toStep),
    steps: d.steps.map(toStep),
    post_steps: d.post_steps.map(toStep),
    // Always sent, empty too: an edit that removes the last guard must say so (PUT keeps omitted fields).
    guards: (d.guards ?? []).map(toGuard),
  };
}

export const parameterNames = (d: Draft) => d.parameters.map((r) => r.key.trim()).filter(Boolean);

/** Where the API would name a step argument, so a client-side problem shows on the same field. */
export const argPath = (list: EditList, index: number, key: string) => `${list}.${index}.where.${key}`;

/**
 * What stops the draft from being saved as typed: arguments whose JSON does not parse. The
 * messages are keyed like the API's field errors, so they show (and focus) the same way.
 */
export function draftProblems(d: Draft): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const list of EDIT_LISTS) {
    (d[list] ?? []).forEach((step, i) => {
      for (const [key, text] of Object.entries(step.raw ?? {})) {
        problems[argPath(list, i, key)] = `Not valid JSON (${jsonError(text)}): fix it or empty the field to save.`;
      }
    });
  }
  return problems;
}

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return "it parses";
  } catch (err) {
    return (err as Error).message.replace(/\.$/, "");
  }
}

/** A draft as one comparable string: what would be saved, and the text still waiting to parse. */
export const draftFingerprint = (d: Draft) =>
  JSON.stringify([toExperiment(d), ...EDIT_LISTS.map((l) => (d[l] ?? []).map((s) => s.raw))]);
