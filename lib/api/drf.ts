/**
 * Zod building blocks that speak Django REST Framework's validation language, so that Kallisti
 * clients see the messages they already handle (`"This field is required."`, ...), and the mapper
 * from zod issues to DRF's nested `{"field": ["message"]}` shape.
 */
import { type ZodError, z } from "zod";
import type { FieldErrors } from "./errors";

export const MSG = {
  required: "This field is required.",
  null: "This field may not be null.",
  blank: "This field may not be blank.",
  string: "Not a valid string.",
  integer: "A valid integer is required.",
  boolean: "Must be a valid boolean.",
  maxLength: (n: number) => `Ensure this field has no more than ${n} characters.`,
  minValue: (n: number) => `Ensure this value is greater than or equal to ${n}.`,
  maxValue: (n: number) => `Ensure this value is less than or equal to ${n}.`,
  list: (got: unknown) => `Expected a list of items but got type "${pyType(got)}".`,
  dict: (got: unknown) => `Expected a dictionary of items but got type "${pyType(got)}".`,
  // JSON for non-strings: String() throws on objects such as {"toString": null}.
  choice: (got: unknown) => `"${typeof got === "string" ? got : JSON.stringify(got)}" is not a valid choice.`,
  body: (got: unknown) => `Invalid data. Expected a dictionary, but got ${pyType(got)}.`,
};

/** The Python type name DRF puts in its messages for a JSON value. */
export function pyType(v: unknown): string {
  if (v === null) return "NoneType";
  if (Array.isArray(v)) return "list";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "object") return "dict";
  return typeof v;
}

/** Error callback: missing → required, null → may not be null, anything else → `typeMsg`. */
const typeError =
  (typeMsg: (input: unknown) => string) =>
  (iss: { input?: unknown; code?: string }): string | undefined => {
    if (iss.code !== "invalid_type") return undefined;
    if (iss.input === undefined) return MSG.required;
    if (iss.input === null) return MSG.null;
    return typeMsg(iss.input);
  };

/** A DRF CharField: trimmed, non-blank unless `blank`, with an optional max length. */
export function drfString(opts: { max?: number; blank?: boolean } = {}) {
  let s = z.string({ error: typeError(() => MSG.string) }).trim();
  if (opts.max !== undefined) s = s.max(opts.max, MSG.maxLength(opts.max));
  if (!opts.blank) s = s.min(1, MSG.blank);
  return s;
}

export type JsonObject = Record<string, unknown>;

/** A DRF DictField: a JSON object (not an array, not null). */
export function drfDict() {
  return z.custom<JsonObject>((v) => v !== null && typeof v === "object" && !Array.isArray(v), {
    error: (iss) => (iss.input === undefined ? MSG.required : iss.input === null ? MSG.null : MSG.dict(iss.input)),
  });
}

export function drfList<T extends z.ZodType>(item: T) {
  return z.array(item, { error: typeError(MSG.list) });
}

/** DRF's IntegerField also takes `"5"`, `" 5 "` and `"5.0"` (it drops a `.0` tail, then int()). */
const INTEGER_STRING = /^\s*[-+]?\d+(\.0*)?\s*$/;
const asInteger = (v: unknown) => (typeof v === "string" && INTEGER_STRING.test(v) ? Number.parseInt(v, 10) : v);

export function drfInt(opts: { min?: number; max?: number } = {}) {
  let s = z.number({ error: typeError(() => MSG.integer) }).int(MSG.integer);
  if (opts.min !== undefined) s = s.min(opts.min, MSG.minValue(opts.min));
  if (opts.max !== undefined) s = s.max(opts.max, MSG.maxValue(opts.max));
  return z.preprocess(asInteger, s);
}

/** DRF's BooleanField's words for true and false (a form can only send text). */
const TRUE_WORDS = new Set(["t", "y", "yes", "true", "on", "1"]);
const FALSE_WORDS = new Set(["f", "n", "no", "false", "off", "0"]);
function asBoolean(v: unknown) {
  if (v === 1 || v === 0) return v === 1;
  if (typeof v !== "string") return v;
  const word = v.trim().toLowerCase();
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : v;
}

export function drfBool() {
  return z.preprocess(asBoolean, z.boolean({ error: typeError(() => MSG.boolean) }));
}

export function drfChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) => (iss.input === undefined ? MSG.required : iss.input === null ? MSG.null : MSG.choice(iss.input)),
  });
}

/** The request body itself must be a JSON object. */
export function drfBody<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape, { error: (iss) => (iss.code === "invalid_type" ? MSG.body(iss.input) : undefined) });
}

/** Maps zod issues to DRF's shape: `{"steps": {"0": {"do": ["..."]}}}`; body-level issues go to `non_field_errors`. */
export function toFieldErrors(error: ZodError): FieldErrors {
  return nestErrors(error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
}

/** Nests `{path, message}` pairs into DRF's field-error tree. */
export function nestErrors(issues: { path: (string | number)[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  each: for (const issue of issues) {
    const path = issue.path.length ? issue.path.map(String) : ["non_field_errors"];
    let node: FieldErrors = out;
    for (const key of path.slice(0, -1)) {
      // The parent already failed as a whole (e.g. not a list): its message says enough.
      if (Array.isArray(node[key])) continue each;
      node[key] ??= {};
      node = node[key] as FieldErrors;
    }
    const leaf = path[path.length - 1];
    const existing = node[leaf];
    if (existing === undefined) node[leaf] = [issue.message];
    else if (Array.isArray(existing) && !existing.includes(issue.message)) existing.push(issue.message);
  }
  return out;
}
