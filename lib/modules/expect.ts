/**
 * Kallisti's expectations: `expect: [{"operator": "eq", "status_code": 200}, ...]`. The key is a
 * JSONPath into the action's result (relative to `$.` for objects, appended to `$` for lists,
 * `value` for scalars); values that both parse as numbers compare as numbers (Prometheus returns
 * numbers as strings). Messages are Kallisti's: `Expectation failed(200 == 201)`.
 */
import { JSONPath } from "jsonpath-plus";

export const OPERATORS = { eq: "==", ne: "!=", lt: "<", le: "<=", gt: ">", ge: ">=", regex: "regex" } as const;
export type Operator = keyof typeof OPERATORS;

export type Expectation = { operator: Operator; key: string; expected: unknown };

export class FailedExpectation extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FailedExpectation";
  }
}

/** Checks the shape of one `expect` item; the error message names the problem (Kallisti's words). */
export function parseExpectation(item: Record<string, unknown>): Expectation | { error: string } {
  const { operator, ...rest } = item;
  if (typeof operator !== "string" || !Object.hasOwn(OPERATORS, operator)) {
    return { error: `Invalid operator: ${operator === undefined ? "None" : String(operator)}` };
  }
  const keys = Object.keys(rest);
  if (keys.length === 0) return { error: `Expectation with operator ${operator} names no key to check` };
  // Kallisti: with several keys the last one wins; we keep that, the wizard only writes one.
  const key = keys[keys.length - 1];
  if (operator === "regex" && typeof rest[key] !== "string")
    return { error: `Regex expectation for ${key} needs a string pattern` };
  if (operator === "regex") {
    try {
      new RegExp(rest[key] as string);
    } catch (err) {
      return { error: `Invalid regex for ${key}: ${(err as Error).message}` };
    }
  }
  return { operator: operator as Operator, key, expected: rest[key] };
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function select(result: unknown, key: string): unknown {
  if (result === null || typeof result !== "object") {
    if (key === "value") return result;
    throw new FailedExpectation(`The key path ${key} is not found in ${show(result)}`);
  }
  const path = Array.isArray(result) ? `$${key}` : `$.${key}`;
  const found = JSONPath({ path, json: result as object, wrap: true, eval: "safe" }) as unknown[];
  if (!found.length) throw new FailedExpectation(`The key path ${key} is not found in ${show(result)}`);
  return found[0];
}

const asNumber = (v: unknown): number | null => {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
};

function compare(op: Exclude<Operator, "regex">, a: unknown, b: unknown): boolean {
  const na = asNumber(a);
  const nb = asNumber(b);
  const [x, y] = na !== null && nb !== null ? [na, nb] : [a, b];
  switch (op) {
    case "eq":
      return typeof x === "object" ? JSON.stringify(x) === JSON.stringify(y) : x === y;
    case "ne":
      return typeof x === "object" ? JSON.stringify(x) !== JSON.stringify(y) : x !== y;
    case "lt":
      return (x as number) < (y as number);
    case "le":
      return (x as number) <= (y as number);
    case "gt":
      return (x as number) > (y as number);
    case "ge":
      return (x as number) >= (y as number);
  }
}

/** Throws FailedExpectation for the first expectation the result does not meet. */
export function checkExpectations(result: unknown, expectations: Expectation[]): void {
  for (const e of expectations) {
    const actual = select(result, e.key);
    if (e.operator === "regex") {
      if (!new RegExp(e.expected as string).test(show(actual))) {
        throw new FailedExpectation(`Expectation failed(Regex pattern ${e.expected} does not match ${show(actual)}.)`);
      }
    } else if (!compare(e.operator, actual, e.expected)) {
      throw new FailedExpectation(`Expectation failed(${show(actual)} ${OPERATORS[e.operator]} ${show(e.expected)})`);
    }
  }
}
