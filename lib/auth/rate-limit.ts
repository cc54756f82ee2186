/**
 * Sign-in throttling: at most MAX_FAILURES failed attempts per address and per account in WINDOW;
 * then the caller waits. An attempt reserves its slot *before* the slow password check and counts
 * as a failure until it is proven right, so N parallel guesses cost at most MAX_FAILURES checks;
 * the others are refused at once. In memory: one web process serves every sign-in.
 */
import { trustsProxy } from "./trust-proxy";

const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = 5;
/** Expired entries are swept when the table grows past this (guesses against many accounts). */
const SWEEP_AT = 10_000;

type Entry = { failures: number[]; pending: number };

// On globalThis: Next bundles each route apart, and the API route and next-auth's must share it.
const holder = globalThis as unknown as { __erisSignInAttempts?: Map<string, Entry> };
holder.__erisSignInAttempts ??= new Map<string, Entry>();
const table = holder.__erisSignInAttempts;

function entry(key: string, now: number): Entry {
  const e = table.get(key) ?? { failures: [], pending: 0 };
  e.failures = e.failures.filter((t) => now - t < WINDOW_MS);
  return e;
}

function sweep(now: number): void {
  if (table.size < SWEEP_AT) return;
  for (const [key, e] of table) {
    e.failures = e.failures.filter((t) => now - t < WINDOW_MS);
    if (!e.failures.length && !e.pending) table.delete(key);
  }
}

/**
 * Seconds until one more attempt is allowed for this entry, counting attempts in flight as
 * failures made now (0 when allowed).
 */
function waitFor(e: Entry, now: number): number {
  const times = [...e.failures, ...Array<number>(e.pending).fill(now)].sort((a, b) => a - b);
  if (times.length < MAX_FAILURES) return 0;
  return Math.max(1, Math.ceil((times[times.length - MAX_FAILURES] + WINDOW_MS - now) / 1000));
}

/** One reserved attempt: settle it with the outcome of the password check, exactly once. */
export type Attempt = { succeeded: () => void; failed: () => void };

/**
 * Reserves a slot under every key, or says how many seconds to wait. Synchronous: no other
 * attempt can slip in between the check and the reservation.
 */
export function reserveAttempt(keys: string[], now = Date.now()): Attempt | { retryAfter: number } {
  sweep(now);
  const entries = keys.map((k) => [k, entry(k, now)] as const);
  const wait = Math.max(0, ...entries.map(([, e]) => waitFor(e, now)));
  if (wait) return { retryAfter: wait };
  for (const [k, e] of entries) {
    e.pending += 1;
    table.set(k, e);
  }
  let settled = false;
  const settle = (ok: boolean) => {
    if (settled) return;
    settled = true;
    const at = Date.now();
    for (const k of keys) {
      const e = entry(k, at);
      e.pending = Math.max(0, e.pending - 1);
      // A right password clears the account's record; a wrong one stays for the window.
      if (ok) e.failures = [];
      else e.failures.push(at);
      if (e.failures.length || e.pending) table.set(k, e);
      else table.delete(k);
    }
  };
  return { succeeded: () => settle(true), failed: () => settle(false) };
}

/** Runs `check` inside a reserved attempt; a thrown error counts as a failure. */
export async function throttled<T>(
  keys: string[],
  check: () => Promise<T | null>,
): Promise<{ result: T | null } | { retryAfter: number }> {
  const attempt = reserveAttempt(keys);
  if ("retryAfter" in attempt) return attempt;
  try {
    const result = await check();
    if (result) attempt.succeeded();
    else attempt.failed();
    return { result };
  } catch (err) {
    attempt.failed();
    throw err;
  }
}

/** Forgets every attempt (tests). */
export function resetAttempts(): void {
  table.clear();
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
  if (!trustsProxy(env)) return null;
  return headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || headers.get("x-real-ip") || null;
}

export const waitMessage = (seconds: number) =>
  `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`;
