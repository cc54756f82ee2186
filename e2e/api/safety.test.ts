/**
 * Blackout windows, dry runs and the resilience score through the API (the runner's side of the
 * windows is in jobs/blackout.test.ts, guards in jobs/guards.test.ts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { schedules, trials } from "@/db/tables";
import { newId } from "@/lib/ids";
import { fireDueSchedules } from "@/lib/schedules/scheduler";
import { SEED_003_EXPERIMENT, api, createExperiment } from "./client";

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
afterEach(async () => {
  for (const w of (await api("GET", "/api/v1/blackout")).body) await api("DELETE", `/api/v1/blackout/${w.id}`);
});

describe("blackout windows", () => {
  test("are checked as a whole, and only admins set global ones", async () => {
    const { id } = await createExperiment();
    expect(
      (await api("POST", "/api/v1/blackout", { name: "x", kind: "recurring", duration_seconds: 3600 })).body,
    ).toEqual({
      cron: ["A recurring window needs a cron pattern for when it opens."],
    });
    expect(
      (
        await api("POST", "/api/v1/blackout", {
          name: "x",
          kind: "recurring",
          cron: "0 25 * * *",
          duration_seconds: 3600,
        })
      ).body.cron[0],
    ).toMatch(/hour/);
    const backwards = { name: "x", kind: "fixed", starts_at: iso(Date.now() + hour), ends_at: iso(Date.now()) };
    expect((await api("POST", "/api/v1/blackout", backwards)).body).toEqual({
      ends_at: ["ends_at must be after starts_at."],
    });
    const global = { name: "freeze", kind: "fixed", starts_at: iso(Date.now()), ends_at: iso(Date.now() + hour) };
    expect((await api("POST", "/api/v1/blackout", global, { as: "operator" })).status).toBe(403);
    const own = await api("POST", "/api/v1/blackout", { ...global, experiment: id }, { as: "operator" });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ experiment: id, open_now: true, on_running: "finish" });
    expect(own.body.description).toMatch(/^from \S+ to \S+$/);
    expect((await api("GET", `/api/v1/blackout?experiment=${id}`, undefined, { as: "viewer" })).body).toHaveLength(1);
  });

  test("a manual run inside a window is recorded Skipped; an admin may override it, audited; an operator may not", async () => {
    const { id } = await createExperiment();
    await api("POST", "/api/v1/blackout", {
      name: "change freeze",
      kind: "fixed",
      starts_at: iso(Date.now() - hour),
      ends_at: iso(Date.now() + hour),
    });
    const skipped = await api("POST", "/api/v1/trial/", { experiment: id }, { as: "operator" });
    expect(skipped.status).toBe(201); // Kallisti clients see no new error, as under a global STOP
    expect(skipped.body.status).toBe("Skipped");
    expect(skipped.body.status_reason).toMatch(/^blackout window "change freeze" \(from \S+ to \S+\)$/);
    const refused = await api(
      "POST",
      "/api/v1/trial/",
      { experiment: id, override_blackout: "urgent" },
      { as: "operator" },
    );
    expect(refused.status).toBe(403);
    const overridden = await api("POST", "/api/v1/trial/", {
      experiment: id,
      override_blackout: "game day, approved by CAB-42",
    });
    expect(overridden.body).toMatchObject({ status: "Scheduled", blackout_override: "game day, approved by CAB-42" });
    const audit = (await api("GET", "/api/v1/audit/")).body as {
      action: string;
      target_id: string;
      summary: unknown;
    }[];
    expect(audit.find((a) => a.action === "trial.blackout_override")).toMatchObject({ target_id: overridden.body.id });
    await api("PUT", `/api/v1/trial/${overridden.body.id}/stop`);
  });

  test("a scheduled firing inside a window is Skipped with the window named; the preview marks such runs", async () => {
    const { id } = await createExperiment();
    await api("POST", "/api/v1/blackout", {
      name: "nights",
      experiment: id,
      kind: "recurring",
      cron: "0 0 * * *",
      duration_seconds: 6 * 3600,
      timezone: "UTC",
    });
    const preview = await api("GET", `/api/v1/schedule/preview?pattern=0%20*%20*%20*%20*&count=24&experiment=${id}`);
    const marked = preview.body.next_runs.filter((r: { blackout: string | null }) => r.blackout === "nights");
    expect(
      marked.map((r: { utc: string }) => new Date(r.utc).getUTCHours()).sort((a: number, b: number) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5]);
    const other = await api("GET", "/api/v1/schedule/preview?pattern=0%20*%20*%20*%20*&count=24");
    expect(other.body.next_runs.every((r: { blackout: string | null }) => r.blackout === null)).toBe(true);

    const s = await api("POST", `/api/v1/experiment/${id}/schedule/`, { recurrence_pattern: "0 * * * *" });
    const night = Date.UTC(2026, 5, 1, 2, 0, 0);
    await getDb().update(schedules).set({ nextRunAt: night }).where(eq(schedules.id, s.body.id));
    await fireDueSchedules(getDb(), night);
    const fired = await getDb().select().from(trials).where(eq(trials.scheduleId, s.body.id));
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ status: "Skipped" });
    expect(fired[0].statusReason).toBe('blackout window "nights" (At 00:00, for 6 hours (UTC))');
  });
});

describe("dry run", () => {
  let probe: http.Server;
  let received = 0;
  let probeUrl = "";
  beforeAll(async () => {
    probe = http.createServer((_req, res) => {
      received++;
      res.end("ok");
    });
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  });
  afterAll(() => probe.close());

  test("seed 003's experiment: the resolved plan and every problem, no server contacted, nothing created", async () => {
    process.env.ERIS_K8S_API_HOST = probeUrl;
    const seed = structuredClone(SEED_003_EXPERIMENT);
    seed.steps[1].where.url = `${probeUrl}/health?who={{ who }}`;
    const exp = await createExperiment({ ...seed, parameters: { who: "me", password: "dry-run-secret-1" } });
    const [before] = await getDb().select({ n: count() }).from(trials);
    const plan = await api("POST", "/api/v1/trial/", { experiment: exp.id, dry_run: true }, { as: "operator" });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      dry_run: true,
      ok: false,
      experiment: { id: exp.id, revision: 1 },
      signal: "RUN",
    });
    expect(plan.body.parameters).toEqual({ who: "me", password: "*****" });
    expect(plan.body.steps.steps[1]).toMatchObject({
      do: "cm.http_probe",
      where: { url: `${probeUrl}/health?who=me` },
      problems: [],
    });
    expect(plan.body.steps.steps[0].problems[0]).toMatch(/K8S_PASSWORD|K8S_USERNAME/);
    expect(plan.body.problems[0]).toMatch(/^steps\.0: /);
    expect(received).toBe(0);
    expect((await getDb().select({ n: count() }).from(trials))[0]?.n).toBe(before?.n);

    const missing = await api("POST", "/api/v1/trial/", {
      experiment: exp.id,
      dry_run: true,
      parameters: { who: "{{ nope }}" },
    });
    expect(missing.body.ok).toBe(false);
    const fine = await createExperiment({
      name: "fine",
      steps: [{ do: "cm.http_probe", where: { url: `${probeUrl}/ok` } }],
    });
    const ok = await api("POST", "/api/v1/trial/", { experiment: fine.id, dry_run: true });
    expect(ok.body).toMatchObject({ ok: true, problems: [], blackout: null });
    expect(received).toBe(0);
    delete process.env.ERIS_K8S_API_HOST;
  });
});

describe("resilience score", () => {
  test("from the latest trials with outcomes: 100 × (0.7 × succeeded share + 0.3 × passed-check share)", async () => {
    const { id } = await createExperiment();
    const insert = (status: string, passed: number, total: number) =>
      getDb()
        .insert(trials)
        .values({
          id: newId(),
          experimentId: id,
          parameters: {},
          metadata: {},
          ticket: {},
          status: status as "Succeeded",
          records: {},
          initiatedBy: "t",
          scheduledFor: Date.now(),
          checksPassed: passed,
          checksTotal: total,
        });
    await insert("Succeeded", 3, 3);
    await insert("Succeeded", 2, 3);
    await insert("Succeeded", 2, 2);
    await insert("Failed", 1, 2);
    await insert("Stopped", 0, 5); // stopped and skipped trials say nothing about the system
    await insert("Skipped", 0, 0);
    const stats = await api("GET", `/api/v1/experiment/${id}/stats`, undefined, { as: "viewer" });
    expect(stats.status).toBe(200);
    // outcomes 3/4 = 0.75, checks 8/10 = 0.8: 100 × (0.525 + 0.24) = 76.5 → 77
    expect(stats.body).toMatchObject({
      score: 77,
      trials_considered: 4,
      succeeded: 3,
      failed: 1,
      checks_passed: 8,
      checks_total: 10,
      check_pass_rate: 0.8,
    });
    expect(stats.body.trend).toHaveLength(30);
    expect(stats.body.trend.at(-1)).toMatchObject({ score: 77, trials: 4 });
    const empty = await createExperiment();
    expect((await api("GET", `/api/v1/experiment/${empty.id}/stats`)).body.score).toBeNull();

    // The home page's one call: every experiment's score, the lowest first, by the same formula.
    const summary = await api("GET", "/api/v1/stats/scores?limit=100", undefined, { as: "viewer" });
    expect(summary.status).toBe(200);
    expect(summary.body.lowest).toContainEqual({ id, name: expect.any(String), score: 77, trials_considered: 4 });
    expect(summary.body.lowest.some((e: { id: string }) => e.id === empty.id)).toBe(false);
    expect(summary.body.unscored).toBeGreaterThanOrEqual(1);
    const scores = summary.body.lowest.map((e: { score: number }) => e.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => a - b));
    expect((await api("GET", "/api/v1/stats/scores?limit=0")).body).toEqual({
      limit: ["Ensure this value is greater than or equal to 1."],
    });
  });
});
