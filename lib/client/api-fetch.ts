/**
 * The browser's one way to call the Eris API: JSON in, JSON out, and every non-2xx answer thrown
 * as an ApiError that keeps the status and the parsed body (DRF shapes: `{"detail"}` or
 * `{"field": ["message"]}`), so forms can put each message next to its field.
 */
export type FieldMessages = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(messageFor(status, body));
    this.name = "ApiError";
  }

  /** The first message per field, for validation errors (400); empty otherwise. */
  get fields(): FieldMessages {
    if (this.status !== 400 || !isRecord(this.body) || "detail" in this.body) return {};
    const out: FieldMessages = {};
    for (const [field, messages] of Object.entries(this.body)) {
      const first = Array.isArray(messages) ? messages[0] : undefined;
      if (typeof first === "string") out[field] = first;
    }
    return out;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function messageFor(status: number, body: unknown): string {
  if (isRecord(body)) {
    if (typeof body.detail === "string") return body.detail;
    if (typeof body.message === "string") return body.message;
    const first = Object.entries(body).find(([, v]) => Array.isArray(v) && typeof v[0] === "string");
    if (first) return `${first[0]}: ${(first[1] as string[])[0]}`;
  }
  return `Request failed with status ${status}.`;
}

type Options = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  /** A body sent as it is, with its own type (a YAML document for the import). */
  raw?: { text: string; type: string };
  signal?: AbortSignal;
};

/** The response body and headers (for X-Total-Count and friends). */
export async function apiRequest<T>(path: string, { method = "GET", body, raw, signal }: Options = {}) {
  const type = raw ? raw.type : body === undefined ? undefined : "application/json";
  const res = await fetch(path, {
    method,
    signal,
    credentials: "same-origin",
    headers: { Accept: "application/json", ...(type ? { "Content-Type": type } : {}) },
    body: raw ? raw.text : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return { data: data as T, headers: res.headers };
}

export async function apiFetch<T>(path: string, options?: Options): Promise<T> {
  return (await apiRequest<T>(path, options)).data;
}
