/**
 * Sign-in throttling: at most MAX_FAILURES failed attempts per address and per account in WINDOW;
 * then the caller waits. An attempt reserves its slot *before* the slow password check and counts
 * as a failure until it is proven right, so N parallel guesses cost at most MAX_FAILURES checks;
 * the others are refused at once. Kept in the database (sign_in_attempts), so that every web
 * process sharing it counts the same attempts; a reservation is one write transaction, so no
 * other attempt, from this process or another, slips in between the check and the reservation.
 */
import { and, eq, inArray, lte } from "drizzle-orm";
import { type DB, getDb } from "@/db/client";
import { signInAttempts } from "@/db/tables";
import { newId } from "@/lib/ids";
import { trustsProxy } from "./trust-proxy";

const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = 5;

/**
 * Seconds until one more attempt is allowed under one key, counting attempts in flight as
 * failures made now (0 when allowed).
 */
function waitFor(rows: { at: number; pending: boolean }[], now: number): number {
  const times = rows.map((r) => (r.pending ? now : r.at)).sort((a, b) => a - b);
  if (times.length < MAX_FAILURES) return 0;
  return Math.max(1, Math.ceil((times[times.length - MAX_FAILURES] + WINDOW_MS - now) / 1000));
}

/** One reserved attempt: settle it with the outcome of the password check, exactly once. */
export type Attempt = { succeeded: () => Promise<void>; failed: () => Promise<void> };

/**
 * Reserves a slot under every key, or says how many seconds to wait. Attempts older than the
 * window are forgotten first (a pending one left by a process that died mid-check included).
 */
export async function reserveAttempt(
  keys: string[],
  now = Date.now(),
  db: DB = getDb(),
): Promise<Attempt | { retryAfter: number }> {
  const ids = keys.map(() => newId());
  // One write transaction (the client begins it IMMEDIATE on SQLite, taking the write lock at once):
  // two processes must not both read room and both reserve.
  const wait = await db.transaction(async (tx) => {
    await tx.delete(signInAttempts).where(lte(signInAttempts.at, now - WINDOW_MS));
    const rows = await tx
      .select({ key: signInAttempts.key, at: signInAttempts.at, pending: signInAttempts.pending })
      .from(signInAttempts)
      .where(inArray(signInAttempts.key, keys));
    const waits = keys.map((k) =>
      waitFor(
        rows.filter((r) => r.key === k),
        now,
      ),
    );
    const longest = Math.max(0, ...waits);
    if (!longest) {
      await tx.insert(signInAttempts).values(keys.map((key, i) => ({ id: ids[i], key, at: now, pending: true })));
    }
    return longest;
  });
  if (wait) return { retryAfter: wait };
  let settled = false;
  const settle = async (ok: boolean): Promise<void> => {
    if (settled) return;
    settled = true;
    await db.transaction(async (tx) => {
      if (ok) {
        // A right password clears the keys' failures; other attempts still in flight keep their slots.
        await tx
          .delete(signInAttempts)
          .where(and(inArray(signInAttempts.key, keys), eq(signInAttempts.pending, false)));
        await tx.delete(signInAttempts).where(inArray(signInAttempts.id, ids));
      } else {
        await tx.update(signInAttempts).set({ pending: false, at: Date.now() }).where(inArray(signInAttempts.id, ids));
      }
    });
  };
  return { succeeded: () => settle(true), failed: () => settle(false) };
}

/** Runs `check` inside a reserved attempt; a thrown error counts as a failure. */
export async function throttled<T>(
  keys: string[],
  check: () => Promise<T | null>,
): Promise<{ result: T | null } | { retryAfter: number }> {
  const attempt = await reserveAttempt(keys);
  if ("retryAfter" in attempt) return attempt;
  let result: T | null;
  try {
    result = await check();
  } catch (err) {
    await attempt.failed();
    throw err;
  }
  if (result) await attempt.succeeded();
  else await attempt.failed();
  return { result };
}

/** Forgets every attempt (tests). */
export async function resetAttempts(db: DB = getDb()): Promise<void> {
  await db.delete(signInAttempts);
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
