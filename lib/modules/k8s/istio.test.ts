import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { BUILTIN_MODULES } from "../registry";
import { k8s } from "./index";
import { run, startFake } from "./test-helpers";

let fake: FakeK8s;
beforeEach(async () => {
  fake = await startFake();
  fake.addVirtualService("shop", "reviews", {
    hosts: ["reviews"],
    http: [
      {
        match: [{ headers: { "end-user": { exact: "jason" } } }],
        route: [{ destination: { host: "reviews", subset: "v2" } }],
      },
      { route: [{ destination: { host: "reviews", subset: "v1" }, weight: 100 }] },
      { route: [{ destination: { host: "ratings" } }] },
    ],
  });
});
afterEach(() => fake.stop());

type Http = { fault?: Record<string, unknown>; route: unknown[] }[];
type Result = { status: number; body: { kind: string; apiVersion: string }; spec: { http: Http } };
const v1 = [{ destination: { host: "reviews", subset: "v1" } }];
const base = { virtual_service_name: "reviews", ns: "shop" };
const stored = () => fake.virtualServices.get("shop/reviews")?.spec.http as Http;

test("istio.* and k8s.* are the same module", () => {
  expect(BUILTIN_MODULES.istio).toBe(k8s);
  expect(BUILTIN_MODULES.k8s).toBe(k8s);
});

test("get_virtual_service returns chaostoolkit's {status, body} plus the spec", async () => {
  const r = (await run(fake, "get_virtual_service", base)) as Result;
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ kind: "VirtualService", apiVersion: "networking.istio.io/v1alpha3" });
  expect(r.spec.http).toHaveLength(3);
  expect(fake.requests.at(-1)?.path).toBe("/apis/networking.istio.io/v1alpha3/namespaces/shop/virtualservices/reviews");
});

test("add_delay_fault sets the delay on the matching route only, with percentage as {value}", async () => {
  const r = (await run(fake, "add_delay_fault", { ...base, fixed_delay: "5s", percentage: 50, routes: v1 })) as Result;
  expect(r.spec.http[1].fault).toEqual({ delay: { fixedDelay: "5s", percentage: { value: 50 } } });
  expect(r.spec.http[0].fault).toBeUndefined();
  expect(r.spec.http[2].fault).toBeUndefined();
  expect(stored()[1].fault).toEqual({ delay: { fixedDelay: "5s", percentage: { value: 50 } } });
  // the untouched fields of the entry survive the patch
  expect(stored()[1].route).toEqual([{ destination: { host: "reviews", subset: "v1" }, weight: 100 }]);
  expect(fake.requests.at(-1)).toMatchObject({ method: "PATCH", contentType: "application/merge-patch+json" });
});

test("add_abort_fault, then remove_delay_fault keeps the abort and remove_abort_fault clears it", async () => {
  await run(fake, "set_fault", {
    ...base,
    routes: v1,
    fault: { delay: { fixedDelay: "1s" }, abort: { httpStatus: 500 } },
  });
  expect(stored()[1].fault).toEqual({ delay: { fixedDelay: "1s" }, abort: { httpStatus: 500 } });
  const r = (await run(fake, "remove_delay_fault", { ...base, routes: v1 })) as Result;
  expect(r.spec.http[1].fault).toEqual({ abort: { httpStatus: 500 } });
  await run(fake, "add_abort_fault", { ...base, http_status: 503, routes: v1 });
  expect(stored()[1].fault).toEqual({ abort: { httpStatus: 503 } });
  await run(fake, "remove_abort_fault", { ...base, routes: v1 });
  expect(stored()[1]).not.toHaveProperty("fault");
});

test("set_fault and unset_fault match on host and subset; a host without subset matches only subset-less routes", async () => {
  const fault = { abort: { httpStatus: 418, percentage: { value: 10 } } };
  await run(fake, "set_fault", { ...base, routes: [{ destination: { host: "ratings" } }, ...v1], fault });
  expect(stored().map((h) => h.fault)).toEqual([undefined, fault, fault]);
  await run(fake, "unset_fault", { ...base, routes: [{ destination: { host: "ratings" } }] });
  expect(stored().map((h) => h.fault)).toEqual([undefined, fault, undefined]);
  await expect(
    run(fake, "set_fault", { ...base, routes: [{ destination: { host: "reviews" } }], fault }),
  ).rejects.toThrow("No http route of Virtual Service 'reviews' goes to reviews");
});

test("another version, a missing VirtualService, and bad arguments", async () => {
  const r = (await run(fake, "get_virtual_service", { ...base, version: "networking.istio.io/v1beta1" })) as Result;
  expect(r.body.apiVersion).toBe("networking.istio.io/v1beta1");
  await expect(
    run(fake, "add_delay_fault", { ...base, virtual_service_name: "nope", fixed_delay: "1s", routes: v1 }),
  ).rejects.toThrow(
    `Virtual Service 'nope' could not be read: virtualservices.networking.istio.io "nope" not found (404 NotFound)`,
  );
  const args = k8s.actions.add_delay_fault.args;
  expect(args.safeParse({ ...base, fixed_delay: "5 seconds", routes: v1 }).success).toBe(false);
  expect(args.safeParse({ ...base, fixed_delay: "5s", routes: [] }).success).toBe(false);
  expect(args.safeParse({ ...base, fixed_delay: "5s", routes: v1, percentage: 101 }).success).toBe(false);
  expect(args.safeParse({ ...base, fixed_delay: "5s", routes: v1, version: "v1alpha3" }).success).toBe(false);
});
