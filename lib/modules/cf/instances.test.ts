// cf instance chaos and app actions against the fake Cloud Foundry, over HTTP.
import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeCloudFoundry } from "@/e2e/fixtures/fake-cf";
import { FailedAction } from "../types";
import { context, eventually, run, seedShop, startFake } from "./test-helpers";

let fake: FakeCloudFoundry;
beforeEach(async () => {
  fake = await startFake();
  seedShop(fake);
});
afterEach(() => fake.stop());

type Stats = { resources: { index: number; state: string }[] };
const states = async (app = "checkout") =>
  (await run<Stats>(fake, "get_app_stats", { app_name: app, space_name: "prod" })).resources.map((r) => r.state);

test("terminate_some_random_instances terminates `count` distinct instances, which health management restarts", async () => {
  const ctx = context();
  const res = await run<{ app: string; terminated: number[] }>(
    fake,
    "terminate_some_random_instances",
    { app_name: "checkout", count: 2, org_name: "acme", space_name: "prod" },
    ctx,
  );
  expect(res.app).toBe("checkout");
  expect(new Set(res.terminated).size).toBe(2);
  expect(fake.terminated.sort()).toEqual(res.terminated.map((i) => `checkout/${i}`).sort());
  expect((await states()).filter((s) => s === "STARTING")).toHaveLength(2);
  await eventually("the instances run again", async () => (await states()).every((s) => s === "RUNNING"));
  expect(ctx.lines[0]).toBe(
    `Cloud Foundry API ${fake.url} (user from ENV_VAR_USERNAME_PASSWORD, token from ${fake.url}/uaa)`,
  );
});

test("percentage wins over count, and never more instances than there are (Kallisti's rules)", async () => {
  const half = await run<{ terminated: number[] }>(fake, "terminate_some_random_instances", {
    app_name: "checkout",
    space_name: "prod",
    count: 1,
    percentage: 50,
  });
  expect(half.terminated).toHaveLength(2);
  const all = await run<{ terminated: number[] }>(fake, "terminate_some_random_instances", {
    app_name: "checkout",
    space_name: "prod",
    count: 10,
  });
  expect([...all.terminated].sort()).toEqual([0, 1, 2, 3]);
});

test("terminate_app_instance, terminate_some_random_instance and terminate_random_app_instance", async () => {
  await run(fake, "terminate_app_instance", { app_name: "catalog", instance_index: 1 });
  expect(fake.terminated).toEqual(["catalog/1"]);
  const one = await run<{ terminated: number[] }>(fake, "terminate_some_random_instance", {
    app_name: "checkout",
    space_name: "dev",
  });
  expect(one.terminated).toEqual([0]);
  const random = await run<{ app: string; terminated: number[] }>(fake, "terminate_random_app_instance", {
    org_name: "acme",
  });
  expect(["checkout", "catalog"]).toContain(random.app);
  expect(fake.terminated).toHaveLength(3);
  await expect(run(fake, "terminate_app_instance", { app_name: "catalog", instance_index: 7 })).rejects.toThrow(
    /^failed to call 'DELETE http:\/\/127\.0\.0\.1:\d+\/v3\/apps\/[\w-]+\/processes\/web\/instances\/7': 404 => CF-ResourceNotFound: Instance not found$/,
  );
});

test("org and space narrow the search; unknown names say what was not found", async () => {
  const dev = await run<{ terminated: number[] }>(fake, "terminate_some_random_instances", {
    app_name: "checkout",
    space_name: "dev",
    count: 5,
  });
  expect(dev.terminated).toEqual([0]);
  await expect(run(fake, "terminate_some_random_instance", { app_name: "nope" })).rejects.toThrow(
    new FailedAction("app 'nope' was not found"),
  );
  await expect(run(fake, "terminate_some_random_instance", { app_name: "checkout", org_name: "zz" })).rejects.toThrow(
    new FailedAction("org 'zz' was not found"),
  );
  await expect(run(fake, "terminate_some_random_instance", { app_name: "checkout", space_name: "qa" })).rejects.toThrow(
    new FailedAction("space 'qa' was not found"),
  );
});

test("stop and start apps; get_app_states_by_org; a stopped app's instances are DOWN", async () => {
  const stopped = await run<{ state: string }>(fake, "stop_app", { app_name: "catalog" });
  expect(stopped.state).toBe("STOPPED");
  expect(await states("catalog")).toEqual(["DOWN", "DOWN"]);
  expect(await run(fake, "get_app_states_by_org", { org_name: "acme" })).toEqual([
    { name: "checkout", state: "STARTED" },
    { name: "catalog", state: "STOPPED" },
    { name: "checkout", state: "STARTED" },
  ]);
  await run(fake, "stop_all_apps", { org_name: "acme" });
  expect([...fake.apps.values()].every((a) => a.state === "STOPPED")).toBe(true);
  const started = await run<{ name: string; state: string }[]>(fake, "start_all_apps", { org_name: "acme" });
  expect(started.map((s) => s.state)).toEqual(["STARTED", "STARTED", "STARTED"]);
  await run(fake, "start_app", { app_name: "catalog" });
  await eventually("catalog runs again", async () => (await states("catalog")).every((s) => s === "RUNNING"));
  fake.addOrg("empty");
  await expect(run(fake, "get_app_states_by_org", { org_name: "empty" })).rejects.toThrow(
    new FailedAction("no app was found under org: 'empty'."),
  );
});

test("delete_app deletes through the Cloud Controller's job", async () => {
  const res = await run(fake, "delete_app", { app_name: "catalog" });
  expect(res).toMatchObject({ name: "catalog", deleted: true });
  expect(fake.hasApp("catalog")).toBe(false);
  expect(fake.requests.some((r) => r.method === "GET" && r.path.startsWith("/v3/jobs/"))).toBe(true);
});

test("lists follow the pagination links", async () => {
  await fake.stop();
  fake = await startFake({ perPage: 2 });
  seedShop(fake);
  const all = await run<{ resources: { name: string }[] }>(fake, "list_apps", {});
  expect(all.resources.map((a) => a.name)).toEqual(["checkout", "catalog", "checkout"]);
  expect(fake.requests.filter((r) => r.path === "/v3/apps").map((r) => r.query.page ?? "1")).toEqual(["1", "2"]);
});
