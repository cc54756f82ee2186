import { beforeEach, expect, test } from "vitest";
import { MAX_FAILURES, type Attempt, reserveAttempt, resetAttempts } from "./rate-limit";

beforeEach(() => resetAttempts());

const reserved = async (pending: ReturnType<typeof reserveAttempt>): Promise<Attempt> => {
  const a = await pending;
  if ("retryAfter" in a) throw new Error(`refused for ${a.retryAfter}s`);
  return a;
};

test("attempts in flight hold their slots: the next one is refused before any check runs", async () => {
  const keys = ["email:a@x"];
  const inFlight: Attempt[] = [];
  for (let i = 0; i < MAX_FAILURES; i++) inFlight.push(await reserved(reserveAttempt(keys)));
  const refused = await reserveAttempt(keys);
  expect(refused).toEqual({ retryAfter: 15 * 60 });
  // one in-flight attempt proves right: the record is cleared and slots free up
  await inFlight[0].succeeded();
  for (const a of inFlight.slice(1)) await a.failed();
  expect("retryAfter" in (await reserveAttempt(keys))).toBe(false);
});

test("a settled attempt cannot be settled twice; failures expire with the window", async () => {
  const keys = ["email:b@x"];
  const t0 = Date.now();
  for (let i = 0; i < MAX_FAILURES; i++) {
    const a = await reserved(reserveAttempt(keys, t0));
    await a.failed();
    await a.failed();
    await a.succeeded();
  }
  const wait = await reserveAttempt(keys, t0);
  expect("retryAfter" in wait && wait.retryAfter).toBeGreaterThan(14 * 60);
  expect("retryAfter" in (await reserveAttempt(keys, t0 + 15 * 60_000 + 1000))).toBe(false);
});

test("every key must have room: the per-address limit holds across accounts", async () => {
  for (let i = 0; i < MAX_FAILURES; i++)
    await (await reserved(reserveAttempt([`email:${i}@x`, "ip:10.0.0.9"]))).failed();
  expect("retryAfter" in (await reserveAttempt(["email:new@x", "ip:10.0.0.9"]))).toBe(true);
  expect("retryAfter" in (await reserveAttempt(["email:new@x", "ip:10.0.0.10"]))).toBe(false);
});
