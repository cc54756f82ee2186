/**
 * Sign-in throttling: at most MAX_FAILURES failed attempts per address and per account in WINDOW;
 * then the caller waits. In memory: one web process serves every sign-in.
 */
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

/** Seconds to wait before another attempt, or 0 when allowed. */
export function retryAfter(keys: string[], now = Date.now()): number {
  let wait = 0;
  for (const key of keys) {
    const list = recent(key, now);
    if (list.length >= MAX_FAILURES) wait = Math.max(wait, Math.ceil((list[0] + WINDOW_MS - now) / 1000));
  }
  return wait;
}

export function recordFailure(keys: string[], now = Date.now()): void {
  for (const key of keys) failures.set(key, [...recent(key, now), now]);
}

export function clearFailures(keys: string[]): void {
  for (const key of keys) failures.delete(key);
}

export const loginKeys = (email: string, ip: string | null) => [
  `email:${email.toLowerCase()}`,
  ...(ip ? [`ip:${ip}`] : []),
];

/**
 * The client address, when a trusted proxy in front of Eris reports it (ERIS_TRUST_PROXY=1).
 * Otherwise a client could pick its own X-Forwarded-For, so only the per-account limit applies.
 */
export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string | null {
  if (env.ERIS_TRUST_PROXY !== "1") return null;
  return headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || headers.get("x-real-ip") || null;
}

export const waitMessage = (seconds: number) =>
  `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`;
