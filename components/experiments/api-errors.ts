import { ApiError } from "@/lib/client/api-fetch";

/**
 * Flattens the API's nested DRF errors (`{"steps": {"0": {"where": {"qty": ["…"]}}}}`) into
 * dotted paths (`steps.0.where.qty` → first message), which is how form fields name themselves.
 */
export function flattenErrors(body: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(body)) {
    if (typeof body[0] === "string") out[prefix || "detail"] = body[0];
    else for (const [i, item] of body.entries()) Object.assign(out, flattenErrors(item, join(prefix, String(i))));
  } else if (typeof body === "object" && body !== null) {
    for (const [key, value] of Object.entries(body)) Object.assign(out, flattenErrors(value, join(prefix, key)));
  } else if (typeof body === "string") {
    out[prefix || "detail"] = body;
  }
  return out;
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b);

/** Field errors for a 400, or none (the caller shows err.message instead). */
export const fieldErrorsOf = (err: unknown): Record<string, string> =>
  err instanceof ApiError && err.status === 400 ? flattenErrors(err.body) : {};
