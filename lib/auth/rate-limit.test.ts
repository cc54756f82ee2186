import { beforeEach, expect, test } from "vitest";
import { MAX_FAILURES, type Attempt, reserveAttempt, resetAttempts } from "./rate-limit";

beforeEach(() => resetAttempts());

const reserved = (a: ReturnType<typeof reserveAttempt>): Attempt => {
  if ("retryAfter" in a) throw new Error(`refused for ${a.retryAfter}s`);
  return a;
};

test("attempts in flight hold their slots: the next one is refused before any check runs", () => {
  const keys = ["email:a@x"];
  const inFlight = Array.from({ length: MAX_FAILURES }, () => reserved(reserveAttempt(keys)));
  const refused = reserveAttempt(keys);
  expect(refused).toEqual({ retryAfter: 15 * 60 });
  // one in-flight attempt proves right: the record is cleared and slots free up
  inFlight[0].succeeded();
  for (const a of inFlight.slice(1)) a.failed();
  expect("retryAfter" in reserveAttempt(keys)).toBe(false);
});

test("a settled attempt cannot be settled twice; failures expire with the window", () => {
  const keys = ["email:b@x"];
  const t0 = Date.now();
  for (let i = 0; i < MAX_FAILURES; i++) {
    const a = reserved(reserveAttempt(keys, t0));
    a.failed();
    a.failed();
    a.succeeded();
  }
  const wait = reserveAttempt(keys, t0);
  expect("retryAfter" in wait && wait.retryAfter).toBeGreaterThan(14 * 60);
  expect("retryAfter" in reserveAttempt(keys, t0 + 15 * 60_000 + 1000)).toBe(false);
});

test("every key must have room: the per-address limit holds across accounts", () => {
  for (let i = 0; i < MAX_FAILURES; i++) reserved(reserveAttempt([`email:${i}@x`, "ip:10.0.0.9"])).failed();
  expect("retryAfter" in reserveAttempt(["email:new@x", "ip:10.0.0.9"])).toBe(true);
  expect("retryAfter" in reserveAttempt(["email:new@x", "ip:10.0.0.10"])).toBe(false);
});
