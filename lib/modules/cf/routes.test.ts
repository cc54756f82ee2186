// cf routes, service bindings and call_api against the fake Cloud Foundry.
import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeCloudFoundry } from "@/e2e/fixtures/fake-cf";
import { FailedAction } from "../types";
import { run, seedShop, startFake } from "./test-helpers";

let fake: FakeCloudFoundry;
beforeEach(async () => {
  fake = await startFake();
  seedShop(fake);
});
afterEach(() => fake.stop());

const prod = { app_name: "checkout", space_name: "prod" };

test("unmap_route_from_app takes the app off the route; map_route_to_app puts it back", async () => {
  expect(fake.routeHosts("checkout")).toEqual(["shop"]);
  const res = await run(fake, "unmap_route_from_app", { ...prod, host_name: "shop" });
  expect(res).toEqual({ app: "checkout", unmapped: ["shop.apps.example.com"] });
  expect(fake.routeHosts("checkout")).toEqual([]);
  // Nothing left to unmap is not an error (chaostoolkit's unmap_route_from_app).
  expect(await run(fake, "unmap_route_from_app", { ...prod, host_name: "shop" })).toEqual({
    app: "checkout",
    unmapped: [],
  });
  const mapped = await run<{ destinations: { app: { guid: string } }[] }[]>(fake, "map_route_to_app", {
    ...prod,
    host_name: "shop",
    org_name: "acme",
  });
  expect(mapped[0].destinations.map((d) => d.app.guid)).toEqual([fake.app("checkout").guid]);
  expect(fake.routeHosts("checkout")).toEqual(["shop"]);
  await expect(run(fake, "map_route_to_app", { ...prod, host_name: "nowhere" })).rejects.toThrow(
    new FailedAction("route with 'nowhere' was not found"),
  );
});

test("remove_routes_from_app fails when the app has no route with the host", async () => {
  await run(fake, "map_route_to_app", { ...prod, host_name: "shop-canary" });
  expect(fake.routeHosts("checkout").sort()).toEqual(["shop", "shop-canary"]);
  await run(fake, "remove_routes_from_app", { ...prod, route_host: "shop-canary" });
  expect(fake.routeHosts("checkout")).toEqual(["shop"]);
  await expect(run(fake, "remove_routes_from_app", { ...prod, route_host: "shop-canary" })).rejects.toThrow(
    new FailedAction("no routes with host 'shop-canary' was found for app 'checkout'"),
  );
});

test("unbind_service_from_app deletes a managed binding (a job) and a user-provided one", async () => {
  expect(fake.bindingNames("checkout").sort()).toEqual(["flags", "orders-db"]);
  expect(await run(fake, "unbind_service_from_app", { ...prod, bind_name: "orders-db" })).toMatchObject({
    app: "checkout",
    unbound: "orders-db",
  });
  await run(fake, "unbind_service_from_app", { ...prod, bind_name: "flags" });
  expect(fake.bindingNames("checkout")).toEqual([]);
  await expect(run(fake, "unbind_service_from_app", { ...prod, bind_name: "flags" })).rejects.toThrow(
    new FailedAction("bind 'flags' was not found"),
  );
});

test("call_api reaches any path with the step's login; an error status fails with the API's words", async () => {
  const res = await run<{ status_code: number; response: { resources: { name: string }[] } }>(fake, "call_api", {
    path: "/v3/apps",
    query: { names: "catalog" },
  });
  expect(res.status_code).toBe(200);
  expect(res.response.resources.map((a) => a.name)).toEqual(["catalog"]);
  const stop = await run<{ response: { state: string } }>(fake, "call_api", {
    path: `/v3/apps/${fake.app("catalog").guid}/actions/stop`,
    method: "POST",
  });
  expect(stop.response.state).toBe("STOPPED");
  await expect(run(fake, "call_api", { path: "/v3/apps", query: { colour: "red" } })).rejects.toThrow(
    /^failed to call 'GET .*\/v3\/apps\?colour=red': 400 => CF-BadQueryParameter: The query parameter is invalid: Unknown query parameter\(s\): 'colour'/,
  );
});

test("the chaoscf.api lookups are probes too", async () => {
  expect(await run(fake, "get_org_by_name", { org_name: "acme" })).toMatchObject({ name: "acme" });
  expect(await run(fake, "get_space_by_name", { space_name: "dev", org_name: "acme" })).toMatchObject({ name: "dev" });
  expect(await run(fake, "get_app_by_name", prod)).toMatchObject({ name: "checkout", state: "STARTED" });
  const instances = await run<Record<string, { state: string }>>(fake, "get_app_instances", prod);
  expect(Object.keys(instances)).toEqual(["0", "1", "2", "3"]);
  expect(instances["0"].state).toBe("RUNNING");
  const apps = await run<{ resources: unknown[] }>(fake, "get_apps_for_org", { org_name: "acme" });
  expect(apps.resources).toHaveLength(3);
  const routes = await run<{ resources: { host: string }[] }>(fake, "get_routes_by_host", { route_host: "shop" });
  expect(routes.resources.map((r) => r.host)).toEqual(["shop"]);
  expect(await run(fake, "get_app_routes_by_host", { ...prod, route_host: "shop" })).toHaveLength(1);
  expect(await run(fake, "get_bind_by_name", { ...prod, bind_name: "flags" })).toMatchObject({
    name: "flags",
    type: "app",
  });
});
