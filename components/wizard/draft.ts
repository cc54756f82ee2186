/**
 * The wizard edits a Draft, not the API document: rows and steps carry ids so React keeps each
 * input's focus and state through reordering, and typed-in values stay text until they are sent.
 * toExperiment() is the only way out, so Review and the JSON/YAML tab show exactly what is POSTed.
 */
import type { ExperimentDefinition, Step, StepList } from "@/components/experiments/types";

export type Row = { id: string; key: string; value: string };
export type ExpectRow = { id: string; operator: string; path: string; value: string };
export type DraftStep = {
  id: string;
  description: string;
  action: string;
  where: Record<string, unknown>;
  expect: ExpectRow[];
};
export type Draft = { name: string; description: string; metadata: Row[]; parameters: Row[] } & Record<
  StepList,
  DraftStep[]
>;

let counter = 0;
export const newId = () => `d${++counter}`;

/** Text read as JSON when it parses (5, true, [1]), as a plain string otherwise. */
export function readValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The inverse of readValue: a string that would read back as something else ("5") keeps its quotes. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return typeof readValue(value) === "string" ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

const toRows = (record: Record<string, unknown>): Row[] =>
  Object.entries(record).map(([key, value]) => ({ id: newId(), key, value: showValue(value) }));

const fromRows = (rows: Row[]) =>
  Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), readValue(r.value)]));

export const emptyStep = (): DraftStep => ({ id: newId(), description: "", action: "", where: {}, expect: [] });

function toDraftStep(step: Step): DraftStep {
  return {
    id: newId(),
    description: step.step ?? "",
    action: step.do ?? "",
    where: step.where && typeof step.where === "object" ? step.where : {},
    // An expectation is {"operator": …, "<jsonpath>": expected}: one key besides the operator.
    expect: (Array.isArray(step.expect) ? step.expect : []).map((x) => {
      const { operator, ...rest } = x;
      const [path, value] = Object.entries(rest)[0] ?? ["", ""];
      return { id: newId(), operator: String(operator ?? "eq"), path, value: showValue(value) };
    }),
  };
}

function toStep(s: DraftStep): Step {
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
  };
}

export const parameterNames = (d: Draft) => d.parameters.map((r) => r.key.trim()).filter(Boolean);
