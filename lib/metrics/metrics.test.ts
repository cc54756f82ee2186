import { expect, test } from "vitest";
import { getDb } from "@/db/client";
import { api, createExperiment } from "@/e2e/api/client";
import { testFence } from "@/e2e/fixtures/in-process-runner";
import { TrialLifecycle } from "@/lib/trials/lifecycle";
import { metricsAccess } from "./access";
import { routePattern } from "./http";
import { observation } from "./record";
import { metricsText } from "./scrape";
import { FIRING_LAG } from "./catalogue";

test("route patterns: params become {name}, a catch-all swallows the rest, ids in any case", () => {
  const id = "0f0e0d0c-0b0a-4000-8000-000000000001";
  expect(routePattern(`/api/v1/experiment/${id}/schedule/abc/`, { id, sid: "abc" })).toBe(
    "/api/v1/experiment/{id}/schedule/{sid}",
  );
  expect(routePattern(`/api/v1/experiment/${id.toUpperCase()}`, { id })).toBe("/api/v1/experiment/{id}");
  expect(routePattern("/api/v1/no/such/path", { path: ["no", "such", "path"] })).toBe("/api/v1/{path}");
  expect(routePattern(`/api/v1/experiment/${id}/revisions/3`, { id, revision: "3" })).toBe(
    "/api/v1/experiment/{id}/revisions/{revision}",
  );
});

test("a histogram observation counts in every bucket it fits, +Inf, the sum and the count", () => {
  const rows = observation(FIRING_LAG, { outcome: "Scheduled" }, 0.3);
  const buckets = rows.filter((r) => r.name.endsWith("_bucket")).map((r) => JSON.parse(r.labels).le);
  expect(buckets).toEqual(["0.5", "1", "2.5", "5", "10", "30", "60", "300", "+Inf"]);
  expect(rows.find((r) => r.name.endsWith("_sum"))?.value).toBe(0.3);
});

test("the metrics token: open without one; with one, only that Bearer token", () => {
  const req = (auth?: string) =>
    new Request("http://eris.test/metrics", { headers: auth ? { authorization: auth } : {} });
  expect(metricsAccess(req(), null)).toBeNull();
  expect(metricsAccess(req(), "s3cret-metrics-token")?.status).toBe(401);
  expect(metricsAccess(req("Bearer nope"), "s3cret-metrics-token")?.status).toBe(401);
  expect(metricsAccess(req("Bearer s3cret-metrics-token"), "s3cret-metrics-token")).toBeNull();
});

test("trials ending through any path are counted once, by experiment name and status", async () => {
  const e = await createExperiment({ name: "counted experiment", steps: [] });
  // Stopped before it ran (the API), and one finished by a runner.
  const queued = await api("POST", "/api/v1/trial/", { experiment: e.id });
  await api("PUT", `/api/v1/trial/${queued.body.id}/stop`);
  const ran = await api("POST", "/api/v1/trial/", { experiment: e.id });
  const lifecycle = new TrialLifecycle(getDb());
  const fence = await testFence(getDb());
  await lifecycle.claimNext(fence);
  await lifecycle.finish(fence, ran.body.id, { status: "Failed", reason: "x", records: {} });
  const { body } = await metricsText(getDb());
  const line = (status: string) =>
    `eris_trials_total{experiment_id="${e.id}",status="${status}",experiment="counted experiment"} 1`;
  expect(body).toContain(line("Stopped"));
  expect(body).toContain(line("Failed"));
  // Only the trial that ran has a duration.
  expect(body).toContain(
    `eris_trial_duration_seconds_count{experiment_id="${e.id}",experiment="counted experiment"} 1`,
  );
  expect(body).toContain('eris_trials_queued{when="due"} 0');
  expect(body).toContain("# TYPE eris_trial_duration_seconds histogram");
});
