/**
 * Secrets never reach a response, a log line or a report. A string or number under a key that looks
 * like a credential (auth, token, password, secret, cookie, api key, ...) is replaced by MASK, at any depth.
 * Keys that only *name* where a secret lives (`password_key`, `token_path`, `token_url`) stay visible.
 */
export const MASK = "*****";

const SECRET_KEY =
  /auth(?!ors?(?![a-z]))|token|passw(or)?d|pwd|secret|cookie|api[-_]?key|private[-_]?key|session|credential_value/i;
const NAMES_A_SECRET = /(_path|_file|_url|_uri|_env|_type|_name|^password_key|^username_key|^token_key)$/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !NAMES_A_SECRET.test(key);
}

/** Strings and numbers can hold a secret; objects are walked into, booleans and null say nothing. */
const isSecretValue = (v: unknown) => typeof v === "string" || typeof v === "number";

/**
 * Input deeper than this is refused by the API; a value stored before that check (or by a plug-in)
 * is cut here, so that no reader downstream (JSON.stringify, the report renderers) overflows its stack.
 */
export const MAX_READ_DEPTH = 64;
export const TOO_DEEP = `[nested deeper than ${MAX_READ_DEPTH} levels]`;

export function maskSecrets<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(value: unknown, depth: number): unknown {
  if (value && typeof value === "object" && depth >= MAX_READ_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = isSecretValue(v) && isSecretKey(k) ? MASK : walk(v, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * A client that read a masked document and writes it back sends MASK where the secret was:
 * put the stored value back at the same path so a round trip never destroys a secret.
 */
export function restoreMasked<T>(incoming: T, stored: unknown): T {
  return restore(incoming, stored) as T;
}

function restore(incoming: unknown, stored: unknown): unknown {
  if (Array.isArray(incoming)) {
    return incoming.map((v, i) => restore(v, Array.isArray(stored) ? stored[i] : undefined));
  }
  if (incoming && typeof incoming === "object") {
    const prev =
      stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(incoming)) {
      out[k] = v === MASK && isSecretKey(k) && isSecretValue(prev[k]) ? prev[k] : restore(v, prev[k]);
    }
    return out;
  }
  return incoming;
}
