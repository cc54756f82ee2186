/**
 * Kallisti accepted UUIDs in any case; Eris stores them in lower case. Ids a client sends, in the
 * path, the query or a body's id fields, are lower-cased before anything looks them up, so an
 * upper-case id finds the same row everywhere (and `?experiment=<UPPER>` filters the same way).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const lowerUuid = (v: string): string => (UUID.test(v) ? v.toLowerCase() : v);

/** Body fields that hold the id of another object (never names or free text). */
const ID_FIELDS = new Set([
  "experiment",
  "experiment_id",
  "schedule",
  "schedule_id",
  "trial",
  "trial_id",
  "user",
  "user_id",
]);

export function lowerUuidParams<P>(params: P): P {
  if (!params || typeof params !== "object") return params;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] =
      typeof v === "string"
        ? lowerUuid(v)
        : Array.isArray(v)
          ? v.map((x) => (typeof x === "string" ? lowerUuid(x) : x))
          : v;
  }
  return out as P;
}

export function lowerUuidQuery(url: URL): URL {
  const out = new URL(url);
  for (const [k, v] of url.searchParams) {
    if (lowerUuid(v) !== v) {
      out.searchParams.delete(k);
      for (const each of url.searchParams.getAll(k)) out.searchParams.append(k, lowerUuid(each));
    }
  }
  return out;
}

export function lowerUuidFields(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const k of Object.keys(out))
    if (ID_FIELDS.has(k) && typeof out[k] === "string") out[k] = lowerUuid(out[k] as string);
  return out;
}
