/**
 * Bounded input: huge bodies get 413, JSON nested too deep gets a 400 naming the field, nothing is
 * stored in either case, and a deep value already in the database (written before these checks)
 * does not break the lists, the detail or the reports.
 */
import { count, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, trials } from "@/db/tables";
import { newId } from "@/lib/ids";
import { api, createExperiment } from "./client";

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
const rows = async () => ({
  trials: (await getDb().select({ n: count() }).from(trials))[0]?.n,
  audit: (await getDb().select({ n: count() }).from(auditEvents))[0]?.n,
});

test("parameters nested 2,200 levels deep: 400 naming the field, no trial, no audit entry, lists still answer", async () => {
  const exp = await createExperiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] });
  const before = await rows();
  const res = await api("POST", "/api/v1/trial/", undefined, {
    raw: `{"experiment": "${exp.id}", "parameters": {"x": ${nested(2200)}}}`,
    headers: { "content-type": "application/json" },
  });
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ parameters: ["Nested deeper than 64 levels."] });
  expect(await rows()).toEqual(before);
  expect((await api("GET", "/api/v1/trial/")).status).toBe(200);
});

test("a deep step argument is refused the same way; 64 levels are fine", async () => {
  const deep = await api("POST", "/api/v1/experiment/", undefined, {
    raw: `{"name": "deep", "steps": [{"do": "cm.wait", "where": {"x": ${nested(100)}}}]}`,
    headers: { "content-type": "application/json" },
  });
  expect(deep.status).toBe(400);
  expect(deep.body).toEqual({ steps: ["Nested deeper than 64 levels."] });
  const fine = await api("POST", "/api/v1/experiment/", undefined, {
    raw: `{"name": "fine", "metadata": ${nested(63)}, "steps": []}`,
    headers: { "content-type": "application/json" },
  });
  expect(fine.status).toBe(201);
});

test("a body over the limit gets 413 and nothing is stored", async () => {
  const before = await rows();
  const big = JSON.stringify({ name: "big", description: "x".repeat(1_100_000), steps: [] });
  const res = await api("POST", "/api/v1/experiment/", undefined, {
    raw: big,
    headers: { "content-type": "application/json" },
  });
  expect(res.status).toBe(413);
  expect(res.body.detail).toBe("Request body is larger than 1048576 bytes (ERIS_MAX_BODY_BYTES).");
  expect(await rows()).toEqual(before);
});

test("a trial stored with parameters 5,000 levels deep before these checks: list, detail and report still answer", async () => {
  const exp = await createExperiment({ steps: [] });
  const id = newId();
  // Written as stored JSON, past the API's checks (as rows older than them are).
  await getDb()
    .insert(trials)
    .values({
      id,
      experimentId: exp.id,
      // The JSON text itself: building it as an object and encoding it would need a deeper stack.
      parameters: sql`${`{"x": ${nested(5000)}}`}`,
      metadata: {},
      ticket: {},
      status: "Failed",
      records: {},
      initiatedBy: "old",
      scheduledFor: Date.now(),
    });
  const list = await api("GET", "/api/v1/trial/");
  expect(list.status).toBe(200);
  expect(JSON.stringify(list.body)).toContain("[nested deeper than 64 levels]");
  expect((await api("GET", `/api/v1/trial/${id}/`)).status).toBe(200);
  expect((await api("GET", `/api/v1/report?trial-id=${id}&format=json`, undefined, { rawBody: true })).status).toBe(
    200,
  );
  expect(
    (await api("GET", `/api/v1/report?experiment=${exp.id}&format=xml`, undefined, { rawBody: true })).status,
  ).toBe(200);
});

test("a NUL character in a field, a key or a query parameter is a 400 naming it, on either database", async () => {
  const named = await api("POST", "/api/v1/experiment/", { name: "x\u0000y", steps: [] });
  expect(named.status).toBe(400);
  expect(named.body).toEqual({ name: ["Null characters are not allowed."] });
  const deep = await api("POST", "/api/v1/experiment/", { name: "ok", steps: [], metadata: { "a\u0000": 1 } });
  expect(deep.body).toEqual({ metadata: ["Null characters are not allowed."] });
  const signal = await api("POST", "/api/v1/signal", { state: "RUN", reason: "\u0000" });
  expect(signal.status).toBe(400);
  expect(signal.body).toEqual({ reason: ["Null characters are not allowed."] });
  const query = await api("GET", "/api/v1/experiment/?search=%00");
  expect(query.status).toBe(400);
  expect(query.body).toEqual({ search: ["Null characters are not allowed."] });
});

test("a schedule's counts stop at 2147483647, as Kallisti's serializer does (PostgreSQL's integer), on either database", async () => {
  const exp = await createExperiment({ steps: [] });
  const path = `/api/v1/experiment/${exp.id}/schedule/`;
  for (const field of ["recurrence_count", "starting_deadline_seconds", "history_limit"]) {
    const res = await api("POST", path, { recurrence_pattern: "0 0 1 1 *", [field]: 2_147_483_648 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ [field]: ["Ensure this value is less than or equal to 2147483647."] });
  }
  const edge = await api("POST", path, { recurrence_pattern: "0 0 1 1 *", recurrence_count: 2_147_483_647 });
  expect(edge.status).toBe(201);
});
