/**
 * The sign-in throttle under parallel guesses: every attempt reserves its slot before the slow
 * password check, so a burst costs at most MAX_FAILURES checks and the rest are refused at once,
 * for POST /auth/token and for the dashboard's sign-in (next-auth's credentials provider).
 */
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { getDb } from "@/db/client";
import { authOptions } from "@/lib/auth/options";
import { MAX_FAILURES, resetAttempts } from "@/lib/auth/rate-limit";
import { UserService } from "@/lib/users/service";
import { api } from "./client";
import { PASSWORD } from "./identities";

let checks: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  await resetAttempts();
  checks = vi.spyOn(UserService.prototype, "checkPassword");
});
afterEach(() => checks.mockRestore());

let n = 0;
async function newAccount(): Promise<string> {
  const email = `throttled-${++n}@eris.test`;
  await new UserService(getDb()).create({ email, name: "t", password: PASSWORD, role: "viewer" }, "test");
  checks.mockClear();
  return email;
}

const tokenRequest = (email: string, password: string) =>
  api("POST", "/api/v1/auth/token", { email, password, name: "guess" }, { as: "anonymous" });

test(`40 parallel wrong passwords: ${MAX_FAILURES} checks, the rest 429 with Retry-After; then the right one gets no token`, async () => {
  const email = await newAccount();
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => tokenRequest(email, `wrong guess ${i}`)));
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
  expect(statuses.filter((s) => s === 429)).toHaveLength(40 - MAX_FAILURES);
  expect(checks).toHaveBeenCalledTimes(MAX_FAILURES);
  for (const a of answers.filter((x) => x.status === 429)) {
    expect(Number(a.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(a.body.detail).toMatch(/^Too many failed sign-ins\. Try again in \d+ minute\(s\)\.$/);
  }
  const right = await tokenRequest(email, PASSWORD);
  expect(right.status).toBe(429);
  expect(right.body).not.toHaveProperty("token");
  expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(800);
  expect(checks).toHaveBeenCalledTimes(MAX_FAILURES);
});

test("60 parallel guesses with the right password as guess 55: no token is issued", async () => {
  const email = await newAccount();
  const guesses = Array.from({ length: 60 }, (_, i) => (i === 54 ? PASSWORD : `wrong guess ${i}`));
  const started = performance.now();
  const answers = await Promise.all(guesses.map((g) => tokenRequest(email, g)));
  const ms = performance.now() - started;
  expect(answers.filter((a) => a.status === 201)).toEqual([]);
  expect(answers.every((a) => !("token" in (a.body ?? {})))).toBe(true);
  expect(answers.filter((a) => a.status === 429)).toHaveLength(60 - MAX_FAILURES);
  expect(checks).toHaveBeenCalledTimes(MAX_FAILURES);
  // Refusals cost no scrypt: the burst takes about as long as MAX_FAILURES checks, not 60.
  console.info(`60 parallel guesses: ${checks.mock.calls.length} password checks, ${Math.round(ms)} ms`);
});

test("a right password clears the record; the limit is per account", async () => {
  const email = await newAccount();
  const other = await newAccount();
  for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await tokenRequest(email, "wrong")).status).toBe(401);
  expect((await tokenRequest(email, PASSWORD)).status).toBe(201);
  expect((await tokenRequest(email, "wrong")).status).toBe(401);
  await Promise.all(Array.from({ length: 10 }, () => tokenRequest(email, "wrong")));
  expect((await tokenRequest(email, PASSWORD)).status).toBe(429);
  expect((await tokenRequest(other, PASSWORD)).status).toBe(201);
});

/** next-auth's credentials provider keeps the configured authorize() under `options`. */
function dashboardAuthorize() {
  const provider = authOptions().providers[0] as unknown as {
    options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> };
  };
  return (email: string, password: string) =>
    provider.options.authorize({ email, password }, { headers: {} }).then(
      (user) => ({ user, error: null as string | null }),
      (err: Error) => ({ user: null, error: err.message }),
    );
}

test("the dashboard sign-in holds the same way: 40 parallel wrong guesses, then the right password is refused", async () => {
  const email = await newAccount();
  const authorize = dashboardAuthorize();
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => authorize(email, `wrong ${i}`)));
  expect(results.filter((r) => r.error === null && r.user === null)).toHaveLength(MAX_FAILURES);
  const limited = results.filter((r) => r.error?.startsWith("Too many failed sign-ins."));
  expect(limited).toHaveLength(40 - MAX_FAILURES);
  expect(checks).toHaveBeenCalledTimes(MAX_FAILURES);
  const right = await authorize(email, PASSWORD);
  expect(right.user).toBeNull();
  expect(right.error).toMatch(/^Too many failed sign-ins\. Try again in \d+ minute\(s\)\.$/);
  // the API shares the record: the account is locked there too
  expect((await tokenRequest(email, PASSWORD)).status).toBe(429);
});
