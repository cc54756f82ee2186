import type { V1Pod } from "@kubernetes/client-node";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { pickPods } from "./pods";
import { run, startFake } from "./test-helpers";

let fake: FakeK8s;
beforeEach(async () => {
  fake = await startFake({ recreateDelayMs: 5_000 });
});
afterEach(() => fake.stop());

const pods = (...names: string[]): V1Pod[] => names.map((name) => ({ metadata: { name } }));
const pick = { all: false, rand: false, mode: "fixed", qty: 1, order: "alphabetic" } as const;

test("pickPods follows chaostoolkit: name_pattern is a search, percentage rounds up, qty caps at the pod count", () => {
  const list = pods("web-c", "api-a", "web-a", "web-b");
  const names = (p: V1Pod[]) => p.map((x) => x.metadata?.name);
  expect(names(pickPods(list, pick))).toEqual(["api-a"]);
  expect(names(pickPods(list, { ...pick, name_pattern: "eb-" }))).toEqual(["web-a"]);
  expect(names(pickPods(list, { ...pick, mode: "percentage", qty: 30 }))).toEqual(["api-a", "web-a"]);
  expect(names(pickPods(list, { ...pick, qty: 10 }))).toHaveLength(4);
  expect(names(pickPods(list, { ...pick, qty: 0 }))).toEqual([]);
  expect(names(pickPods(list, { ...pick, all: true, qty: 0, name_pattern: "^web" }))).toEqual([
    "web-a",
    "web-b",
    "web-c",
  ]);
  // rand draws without replacement
  const drawn = names(pickPods(list, { ...pick, rand: true, qty: 4 }, () => 0.99));
  expect(new Set(drawn).size).toBe(4);
});

test("terminate_pods deletes the first pod by label and returns its name", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 3);
  fake.addDeployment("default", "db", { app: "db" }, 1);
  const before = fake.podNames("default", "app=web");
  const deleted = await run(fake, "terminate_pods", { label_selector: "app=web" });
  expect(deleted).toEqual([before[0]]);
  expect(fake.podNames("default", "app=web")).toEqual(before.slice(1));
  expect(fake.podNames("default", "app=db")).toHaveLength(1);
  expect(fake.deletions).toEqual([
    { namespace: "default", name: before[0], via: "delete", gracePeriodSeconds: undefined },
  ]);
});

test("terminate_pods with qty, rand, grace_period and another namespace", async () => {
  fake.addDeployment("shop", "web", { app: "web" }, 5);
  const before = fake.podNames("shop");
  const deleted = (await run(fake, "terminate_pods", {
    label_selector: "app=web",
    qty: 2,
    rand: true,
    grace_period: 0,
    ns: "shop",
  })) as string[];
  expect(deleted).toHaveLength(2);
  expect(new Set(deleted).size).toBe(2);
  for (const name of deleted) expect(before).toContain(name);
  expect(fake.podNames("shop")).toHaveLength(3);
  expect(fake.deletions.map((d) => d.gracePeriodSeconds)).toEqual([0, 0]);
});

test("terminate_pods with name_pattern, all, and percentage", async () => {
  fake.addDeployment("default", "web", { tier: "front" }, 4);
  fake.addDeployment("default", "api", { tier: "front" }, 2);
  const api = fake.podNames("default", "tier=front").filter((n) => n.startsWith("api-"));
  expect(await run(fake, "terminate_pods", { label_selector: "tier=front", name_pattern: "^api-", all: true })).toEqual(
    api,
  );
  expect(fake.podNames("default").filter((n) => n.startsWith("api-"))).toEqual([]);

  const deleted = (await run(fake, "terminate_pods", {
    label_selector: "tier=front",
    mode: "percentage",
    qty: 50,
  })) as string[];
  expect(deleted).toHaveLength(2);
  expect(fake.podNames("default", "tier=front")).toHaveLength(2);
});

test("terminate_pods order=oldest picks by creationTimestamp; nothing matching deletes nothing", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 3);
  const [a, b, c] = fake.podNames("default");
  const set = (name: string, t: string) => {
    const pod = fake.pods.get(`default/${name}`);
    if (pod) pod.metadata.creationTimestamp = t;
  };
  set(a, "2024-01-01T00:00:03Z");
  set(b, "2024-01-01T00:00:02Z");
  set(c, "2024-01-01T00:00:01Z");
  expect(await run(fake, "terminate_pods", { label_selector: "app=web", order: "oldest", qty: 2 })).toEqual([c, b]);
  expect(await run(fake, "terminate_pods", { label_selector: "app=nothing" })).toEqual([]);
});

test("terminate_pods rejects bad arguments before touching the cluster", async () => {
  const def = (await import("./index")).k8s.actions.terminate_pods;
  expect(def.args.safeParse({ mode: "half" }).success).toBe(false);
  expect(def.args.safeParse({ order: "newest" }).success).toBe(false);
  expect(def.args.safeParse({ name_pattern: "(" }).success).toBe(false);
  expect(def.args.safeParse({ qty: -1 }).success).toBe(false);
});

test("label selectors: set-based, inequality and existence", async () => {
  fake.addDeployment("default", "web", { app: "web", track: "stable" }, 2);
  fake.addDeployment("default", "api", { app: "api" }, 1);
  fake.addPod("default", "canary", { labels: { app: "web", canary: "yes" } });
  const count = (label_selector: string) => run(fake, "count_pods", { label_selector });
  expect(await count("app in (web, api)")).toBe(4);
  expect(await count("app notin (web)")).toBe(1);
  expect(await count("app=web,!canary")).toBe(2);
  expect(await count("canary")).toBe(1);
  expect(await count("app!=web")).toBe(1);
  expect(await count("app==web,track=stable")).toBe(2);
  await expect(count("app in web")).rejects.toThrow(/unable to parse requirement.*\(400 BadRequest\)/);
});

test("pods_in_phase: true when all match, a FailedAction naming the others, or false on request", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 2);
  expect(await run(fake, "pods_in_phase", { label_selector: "app=web" })).toBe(true);
  const [first] = fake.podNames("default");
  fake.setPodPhase("default", first, "Pending");
  await expect(run(fake, "pods_in_phase", { label_selector: "app=web" })).rejects.toThrow(
    `pods 'app=web' not in phase 'Running': ${first} (Pending)`,
  );
  await expect(run(fake, "pods_in_phase", { label_selector: "app=web", raise_on_invalid_phase: false })).resolves.toBe(
    false,
  );
  expect(await run(fake, "pods_in_phase", { label_selector: "app=web", phase: "Pending" }).catch((e) => e.name)).toBe(
    "FailedAction",
  );
  await expect(run(fake, "pods_in_phase", { label_selector: "app=none" })).rejects.toThrow(
    "no pods 'app=none' were found in namespace 'default'",
  );
});

test("count_pods and count_min_pods", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 3);
  fake.setPodPhase("default", fake.podNames("default")[0], "Failed");
  expect(await run(fake, "count_pods", { label_selector: "app=web" })).toBe(3);
  expect(await run(fake, "count_pods", { label_selector: "app=web", phase: "Running" })).toBe(2);
  expect(await run(fake, "count_min_pods", { label_selector: "app=web" })).toBe(true);
  expect(await run(fake, "count_min_pods", { label_selector: "app=web", min_count: 3 })).toBe(false);
});

test("all_microservices_healthy lists failed and not-ready pods", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 2);
  fake.addPod("default", "job-1", { phase: "Succeeded" });
  expect(await run(fake, "all_microservices_healthy", {})).toBe(true);
  fake.addPod("default", "broken", { phase: "Failed" });
  fake.addPod("default", "waiting", { phase: "Pending" });
  await expect(run(fake, "all_microservices_healthy", {})).rejects.toThrow(
    "the system is unhealthy in namespace 'default': failed: broken; not ready: waiting (Pending)",
  );
});

test("read_pod_logs by selector, by pod name, with tail_lines and last", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 2);
  const [a, b] = fake.podNames("default");
  fake.setPodLogs("default", a, "one\ntwo\nthree\n");
  fake.setPodLogs("default", b, "only\n");
  expect(await run(fake, "read_pod_logs", { label_selector: "app=web" })).toEqual({
    [a]: "one\ntwo\nthree\n",
    [b]: "only\n",
  });
  expect(await run(fake, "read_pod_logs", { pod_name: a, tail_lines: 2, last: "5m" })).toEqual({ [a]: "two\nthree\n" });
  expect(fake.requests.at(-1)?.query).toMatchObject({ tailLines: "2", sinceSeconds: "300" });
  await expect(run(fake, "read_pod_logs", { pod_name: a, container_name: "sidecar" })).rejects.toThrow(
    `read logs of pod ${a}: container sidecar is not valid for pod ${a} (400 BadRequest)`,
  );
  await expect(run(fake, "read_pod_logs", { pod_name: "gone" })).rejects.toThrow(
    'pods "gone" not found (404 NotFound)',
  );
  const def = (await import("./index")).k8s.actions.read_pod_logs;
  expect(def.args.safeParse({ last: "soon" }).success).toBe(false);
});

test("read_pod_logs with `name` uses chaostoolkit's default selector name in (<name>)", async () => {
  fake.addPod("default", "x-1", { labels: { name: "x" } });
  fake.addPod("default", "y-1", { labels: { name: "y" } });
  expect(Object.keys((await run(fake, "read_pod_logs", { name: "x" })) as object)).toEqual(["x-1"]);
  expect(fake.requests.find((r) => r.path.endsWith("/pods"))?.query.labelSelector).toBe("name in (x)");
});
