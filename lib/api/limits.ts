/**
 * Bounded input: a request body is read up to a size limit (413 beyond it, without buffering the
 * rest), and JSON nested deeper than MAX_JSON_DEPTH is refused with the field named, before
 * anything is stored: deep values overflow the stack of every recursive reader downstream.
 */
import { config } from "@/lib/config";
import { AppError } from "./errors";

export const MAX_JSON_DEPTH = 64;

export const tooLarge = (max: number) =>
  new AppError("payload_too_large", `Request body is larger than ${max} bytes (ERIS_MAX_BODY_BYTES).`);

/** The body's bytes, refusing it as soon as it grows past the limit. */
export async function readBodyBytes(req: Request, max = config().maxBodyBytes): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (declared > max) throw tooLarge(max);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** How deep a JSON value nests (an object or array is one level), counted without recursion. */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (!v || typeof v !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses a body whose fields nest too deep, naming the first such field in DRF's shape. */
/** DRF's message for a NUL in a string (its ProhibitNullCharactersValidator). */
export const NUL_MESSAGE = "Null characters are not allowed.";

const hasNul = (v: unknown): boolean => {
  if (typeof v === "string") return v.includes("\u0000");
  if (Array.isArray(v)) return v.some(hasNul);
  if (v && typeof v === "object") return Object.entries(v).some(([k, x]) => k.includes("\u0000") || hasNul(x));
  return false;
};

/**
 * No string of a request may hold a NUL character: PostgreSQL's text cannot store one, and a value
 * SQLite would keep could then not move to PostgreSQL. The 400 names the top-level field (or the
 * query parameter) that holds it, on either database.
 */
export function checkNoNul(data: unknown, kind: "field" | "query" = "field"): void {
  if (!hasNul(data)) return;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    for (const [key, v] of Object.entries(data)) {
      if (key.includes("\u0000") || hasNul(v)) {
        throw new AppError("validation", kind === "query" ? "Invalid query parameter." : "Invalid input.", {
          fields: { [key.replaceAll("\u0000", "\\u0000")]: [NUL_MESSAGE] },
        });
      }
    }
  }
  throw new AppError("validation", NUL_MESSAGE, { fields: { non_field_errors: [NUL_MESSAGE] } });
}

export function checkDepth(body: unknown): void {
  if (jsonDepth(body, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH) return;
  const message = `Nested deeper than ${MAX_JSON_DEPTH} levels.`;
  if (body && typeof body === "object" && !Array.isArray(body)) {
    for (const [key, v] of Object.entries(body)) {
      if (jsonDepth(v, MAX_JSON_DEPTH - 1) > MAX_JSON_DEPTH - 1) {
        throw new AppError("validation", message, { fields: { [key]: [message] } });
      }
    }
  }
  throw new AppError("bad_request", `JSON ${message[0].toLowerCase()}${message.slice(1)}`);
}
