/**
 * Every list, filter, count and stat the API and the dashboard use is served by an index: the
 * queries each route runs are explained (EXPLAIN QUERY PLAN) and none may read the whole trials or
 * audit_events table, which grow without bound.
 */
import { expect, test } from "vitest";
import { getDb } from "@/db/client";
import { onPostgres } from "@/e2e/fixtures/database";
import { fullScans, queryPlans } from "@/e2e/fixtures/query-plans";
import { api, createExperiment } from "./client";

test.skipIf(onPostgres)("no route reads the whole trials or audit table", async () => {
  const exp = await createExperiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] });
  const s = await api("POST", `/api/v1/experiment/${exp.id}/schedule/`, { recurrence_pattern: "@daily" });
  const t = await api("POST", "/api/v1/trial/", { experiment: exp.id });
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const routes = [
    "/api/v1/trial/?limit=50",
    "/api/v1/trial/?limit=50&offset=10",
    "/api/v1/trial/?status=Failed&limit=50",
    `/api/v1/trial/?experiment=${exp.id}&limit=50`,
    `/api/v1/trial/?schedule=${s.body.id}&limit=50`,
    `/api/v1/trial/?since=${since}&limit=50`,
    `/api/v1/trial/${t.body.id}/`,
    "/api/v1/stats/trials",
    `/api/v1/experiment/${exp.id}/stats`,
    "/api/v1/stats/scores",
    `/api/v1/experiment/${exp.id}/schedule/`,
    `/api/v1/experiment/${exp.id}/schedule/${s.body.id}/`,
    "/api/v1/schedule/",
    "/api/v1/schedule/upcoming",
    "/api/v1/experiment/?limit=50",
    "/api/v1/audit/?limit=50",
    `/api/v1/report?experiment=${exp.id}&format=json`,
    `/api/v1/report?since=${since}&format=junit`,
    `/api/v1/report?schedule=${s.body.id}&format=md`,
  ];
  const first = await api("GET", "/api/v1/trial/?limit=1");
  const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("Link") ?? "")?.[1];
  if (next) routes.push(next);
  let listKeyPlans = 0;
  for (const route of routes) {
    let status = 0;
    const plans = await queryPlans(getDb(), async () => {
      status = (await api("GET", route)).status;
    });
    expect(status, route).toBe(200);
    expect(plans.length, route).toBeGreaterThan(0);
    expect(fullScans(plans, "trials"), route).toEqual([]);
    expect(fullScans(plans, "audit_events"), route).toEqual([]);
    if (route.startsWith("/api/v1/trial/?limit=50")) {
      // The whole list pages in index order, from the index alone: a deep offset must neither sort
      // every millisecond's ties nor look each trial's row up.
      // (A statement is explained when first prepared; later routes may reuse it.)
      const keys = plans.filter((p) => /from "trials" .*order by "trials"\."created_at"/.test(p.sql));
      listKeyPlans += keys.length;
      for (const p of keys) {
        expect(
          p.steps.some((x) => x.includes("COVERING INDEX")),
          `${route}: ${p.steps}`,
        ).toBe(true);
        expect(
          p.steps.filter((x) => x.includes("TEMP B-TREE")),
          route,
        ).toEqual([]);
      }
    }
  }
  expect(listKeyPlans).toBeGreaterThan(0);
});
