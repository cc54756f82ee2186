/**
 * Two Eris processes on one database, as replicas behind a load balancer would be: what one
 * counts, the other must see. The sign-in throttle is the state that matters here: were it kept
 * in each process's memory, every replica would allow its own five guesses.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { ADMIN, type Eris, ensureBuilt, startEris } from "@/e2e/fixtures/eris-process";
import { MAX_FAILURES } from "@/lib/auth/rate-limit";

let a: Eris;
let b: Eris;
beforeAll(async () => {
  ensureBuilt();
  a = await startEris();
  // The second one's runner stands by: the first holds the lease.
  b = await startEris(a.databaseEnv, { waitForRunner: false });
}, 600_000);
afterAll(() => {
  a?.kill();
  b?.kill();
});

const guess = (e: Eris, password: string) =>
  fetch(`${e.base}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN.email, password, name: "guess" }),
  }).then((r) => r.status);

test(`guesses spread over two processes share one throttle: ${MAX_FAILURES} checked in all, the rest 429`, async () => {
  const statuses = await Promise.all(
    Array.from({ length: 4 * MAX_FAILURES }, (_, i) => guess(i % 2 ? a : b, `wrong guess ${i}`)),
  );
  expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
  expect(statuses.filter((s) => s === 429)).toHaveLength(3 * MAX_FAILURES);
  // Locked out on both, even with the right password.
  expect(await guess(a, ADMIN.password)).toBe(429);
  expect(await guess(b, ADMIN.password)).toBe(429);
}, 60_000);
