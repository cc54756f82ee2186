/**
 * Parameter templating for step arguments. Walks the `where` tree and substitutes `{{ name }}`
 * inside string leaves only, so no value can inject keys or break the structure (Kallisti pasted
 * values into JSON text). A string that is exactly one placeholder takes the value with its JSON
 * type, so `"{{ seconds }}"` with `seconds: 5` becomes the number 5.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}$/;

type Params = Record<string, unknown>;

function lookup(params: Params, name: string): { found: boolean; value?: unknown } {
  let cur: unknown = params;
  for (const part of name.split(".")) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, part)) return { found: false };
    cur = (cur as Params)[part];
  }
  return { found: true, value: cur };
}

/** Every placeholder name used anywhere in `value` that `params` cannot answer. */
export function missingParameters(value: unknown, params: Params): string[] {
  const missing = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(PLACEHOLDER)) if (!lookup(params, m[1]).found) missing.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(value);
  return [...missing];
}

export function render<T>(value: T, params: Params): T {
  return walk(value, params) as T;
}

function walk(v: unknown, params: Params): unknown {
  if (typeof v === "string") {
    const whole = WHOLE.exec(v);
    if (whole) {
      const hit = lookup(params, whole[1]);
      return hit.found ? hit.value : v;
    }
    return v.replace(PLACEHOLDER, (text, name: string) => {
      const hit = lookup(params, name);
      if (!hit.found) return text;
      return typeof hit.value === "string" ? hit.value : JSON.stringify(hit.value);
    });
  }
  if (Array.isArray(v)) return v.map((x) => walk(x, params));
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, params)]));
  }
  return v;
}
