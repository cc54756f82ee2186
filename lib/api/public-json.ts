/**
 * Answers built from cached JSON: a row's public (masked) JSON is made once per stored version,
 * keyed by the row's id and updated_at, and a list is the cached pieces joined, so reading a list
 * never parses and re-encodes what the database holds. What the runner reads is never altered;
 * this is a copy for answers only. Strong ETags are derived from the version keys: a client that
 * sends If-None-Match gets 304 without the body being built.
 */
import { createHash } from "node:crypto";

const MAX_ENTRIES = 20_000;

export class PublicJsonCache<T> {
  private readonly cache = new Map<string, string>();

  constructor(private readonly render: (row: T) => unknown) {}

  /** The public JSON of a row at this version, rendered on first use. */
  json(key: string, row: T): string {
    let s = this.cache.get(key);
    if (s === undefined) {
      s = JSON.stringify(this.render(row));
      this.cache.set(key, s);
      // Oldest first: Map keeps insertion order.
      if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    }
    return s;
  }

  /** The JSON of this version if it was rendered already. */
  cached(key: string): string | undefined {
    return this.cache.get(key);
  }

  has(key: string): boolean {
    return this.cache.has(key);
  }
}

/** A strong ETag over the versions (and anything else) an answer is built from. */
export function etagOf(parts: readonly (string | number)[]): string {
  const h = createHash("sha1");
  for (const p of parts) h.update(`${p}\n`);
  return `"${h.digest("base64url")}"`;
}

/**
 * 304 when the client already has this version (GET and HEAD; If-None-Match on a write is a
 * precondition, not a cache check); else the JSON, with its ETag. (Compression is the framework's:
 * it gzips what a route answers when the client accepts it, and drops a route's own
 * Content-Encoding, so an answer cannot be sent pre-compressed.)
 */
export async function jsonAnswer(
  req: Request,
  etag: string,
  body: () => string | Promise<string>,
  init: { status?: number; headers?: HeadersInit } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("ETag", etag);
  const sent = req.method === "GET" || req.method === "HEAD" ? req.headers.get("if-none-match") : null;
  if (sent && sent.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("content-type", "application/json");
  return new Response(await body(), { status: init.status ?? 200, headers });
}
