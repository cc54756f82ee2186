/** The read models the dashboard needs: search and label filters, all schedules, upcoming runs, stats. */
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { getDb } from "@/db/client";
import { trials } from "@/db/tables";
import { api } from "./client";

const make = (name: string, extra: Record<string, unknown> = {}) =>
  api("POST", "/api/v1/experiment/", { name, steps: [], ...extra }).then((r) => r.body as { id: string });

test("experiments can be searched by name or description and filtered by a metadata label", async () => {
  await make("Kill checkout pods", { metadata: { team: "payments", tier: "1" } });
  await make("Latency on search", { description: "adds delay to checkout calls", metadata: { team: "search" } });
  await make("100%_literal", { metadata: { owner: "sre" } });
  const names = async (q: string) =>
    ((await api("GET", `/api/v1/experiment/?${q}`)).body as { name: string }[]).map((e) => e.name).sort();
  expect(await names("search=checkout")).toEqual(["Kill checkout pods", "Latency on search"]);
  expect(await names("search=CHECKOUT")).toEqual(["Kill checkout pods", "Latency on search"]);
  expect(await names("search=%25_")).toEqual(["100%_literal"]); // % and _ are literal, not wildcards
  expect(await names("label=team:payments")).toEqual(["Kill checkout pods"]);
  expect(await names("label=team")).toEqual(["Kill checkout pods", "Latency on search"]);
  expect(await names("label=team:search&search=latency")).toEqual(["Latency on search"]);
  expect((await api("GET", "/api/v1/experiment/?label=:x")).body).toEqual({ label: ['Use "key" or "key:value".'] });
});

test("all schedules across experiments, upcoming runs in a window, soonest first", async () => {
  const a = await make("hourly one");
  const b = await make("every ten minutes");
  await api("POST", `/api/v1/experiment/${a.id}/schedule/`, { recurrence_pattern: "@hourly" });
  await api("POST", `/api/v1/experiment/${b.id}/schedule/`, {
    recurrence_pattern: "*/10 * * * *",
    timezone: "Asia/Kolkata",
    recurrence_count: 3,
  });
  const all = (await api("GET", "/api/v1/schedule/")).body as { experiment_name: string }[];
  expect(all.map((s) => s.experiment_name).sort()).toEqual(["every ten minutes", "hourly one"]);

  const runs = (await api("GET", "/api/v1/schedule/upcoming?hours=3")).body as {
    at: string;
    local: string;
    experiment_name: string;
  }[];
  const times = runs.map((r) => Date.parse(r.at));
  expect(times).toEqual([...times].sort((x, y) => x - y));
  expect(runs.filter((r) => r.experiment_name === "every ten minutes")).toHaveLength(3); // recurrence_count caps it
  expect(runs.filter((r) => r.experiment_name === "hourly one").length).toBeGreaterThanOrEqual(2);
  expect(runs.find((r) => r.experiment_name === "every ten minutes")?.local).toMatch(/\+05:30$/);
  expect((await api("GET", "/api/v1/schedule/upcoming?hours=0")).status).toBe(400);
});

test("trial stats: outcomes per day and the success rate of trials that ran", async () => {
  const exp = await make("stats");
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push((await api("POST", "/api/v1/trial/", { experiment: exp.id })).body.id);
  const set = async (id: string, status: "Succeeded" | "Failed") => {
    await getDb().update(trials).set({ status }).where(eq(trials.id, id));
  };
  await set(ids[0], "Succeeded");
  await set(ids[1], "Succeeded");
  await set(ids[2], "Failed");
  const stats = (await api("GET", "/api/v1/stats/trials?days=7")).body;
  expect(stats.days).toHaveLength(7);
  const today = stats.days.at(-1);
  expect(today).toMatchObject({
    date: new Date().toISOString().slice(0, 10),
    succeeded: 2,
    failed: 1,
    other: 1,
    total: 4,
  });
  expect(today.success_rate).toBeCloseTo(2 / 3);
  expect(stats.success_rate).toBeCloseTo(2 / 3);
});
