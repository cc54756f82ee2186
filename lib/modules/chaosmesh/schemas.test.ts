/**
 * The kinds' `where` schemas: what Chaos Mesh requires is required, with messages naming the field;
 * seed 001's spec is valid as written; the catalogue describes every kind so the wizard can render it.
 */
import { expect, test } from "vitest";
import { catalogue } from "../catalogue";
import { BUILTIN_TOOLBOX, resolveAction } from "../registry";
import { chaosmesh } from "./index";
import { SEED_DELAY } from "./test-helpers";

const issues = (action: string, where: Record<string, unknown>) => {
  const parsed = chaosmesh.actions[action].args.safeParse(where);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

test("seed 001's NetworkChaos spec is valid as written, and nothing is added to it", () => {
  expect(issues("network_chaos", SEED_DELAY)).toEqual([]);
  const parsed = chaosmesh.actions.network_chaos.args.parse(SEED_DELAY) as Record<string, unknown>;
  expect(parsed).toMatchObject({ ...SEED_DELAY, namespace: "default", injection_timeout_seconds: 60 });
});

test.each([
  ["network_chaos", { ...SEED_DELAY, delay: undefined }, "delay: delay is required when action is delay"],
  [
    "network_chaos",
    { ...SEED_DELAY, delay: { latency: "10 ms" } },
    'delay.latency: latency must be a duration such as "30s", "5m" or "1h30m"',
  ],
  ["network_chaos", { ...SEED_DELAY, delay: { latency: "10ms", latncy: "1" } }, 'delay: Unrecognized key: "latncy"'],
  ["network_chaos", { ...SEED_DELAY, mode: "fixed" }, "value: value is required when mode is fixed"],
  [
    "network_chaos",
    { ...SEED_DELAY, mode: "some" },
    'mode: Invalid option: expected one of "one"|"all"|"fixed"|"fixed-percent"|"random-max-percent"',
  ],
  [
    "network_chaos",
    { ...SEED_DELAY, duration: undefined },
    "duration: duration is required: Eris holds the fault that long (without it Chaos Mesh keeps it until deleted)",
  ],
  [
    "network_chaos",
    { ...SEED_DELAY, selector: undefined },
    "selector: Invalid input: expected object, received undefined",
  ],
  ["network_chaos", { ...SEED_DELAY, direction: "both" }, "direction: direction both needs a target"],
  [
    "network_chaos",
    { ...SEED_DELAY, namespace: "Prod" },
    "namespace: namespace must be a Kubernetes namespace name (lower-case letters, digits and '-')",
  ],
  [
    "pod_chaos",
    { action: "pod-failure", mode: "all", selector: {} },
    "duration: duration is required when action is pod-failure",
  ],
  [
    "pod_chaos",
    { action: "container-kill", mode: "all", selector: {} },
    "containerNames: containerNames is required when action is container-kill",
  ],
  [
    "stress_chaos",
    { mode: "one", selector: {}, duration: "1m" },
    "stressors: stressors (cpu or memory) or stressngStressors is required",
  ],
  [
    "io_chaos",
    { action: "latency", mode: "one", selector: {}, volumePath: "/data", duration: "1m" },
    "delay: delay is required when action is latency",
  ],
  [
    "time_chaos",
    { timeOffset: "ten minutes", mode: "one", selector: {}, duration: "1m" },
    'timeOffset: timeOffset must be a signed duration such as "-10m" or "1h"',
  ],
  [
    "dns_chaos",
    { action: "lie", mode: "one", selector: {}, duration: "1m" },
    'action: Invalid option: expected one of "error"|"random"',
  ],
  [
    "http_chaos",
    { target: "Request", port: 80, mode: "one", selector: {}, duration: "1m" },
    "abort: one of abort, delay, replace or patch is required",
  ],
])("%s refuses a bad spec: %s", (action, where, message) => {
  expect(issues(action, where as Record<string, unknown>)).toContain(message);
});

test("a pod-kill is one fault, not a hold: no duration needed; a YAML number for value becomes Chaos Mesh's string", () => {
  expect(
    issues("pod_chaos", { action: "pod-kill", mode: "one", selector: { labelSelectors: { app: "web" } } }),
  ).toEqual([]);
  const parsed = chaosmesh.actions.pod_chaos.args.parse({ action: "pod-kill", mode: "fixed", value: 2, selector: {} });
  expect((parsed as { value: string }).value).toBe("2");
});

test("every kind is a pausable action, also reachable by its Chaos Mesh name", () => {
  for (const action of [
    "pod_chaos",
    "network_chaos",
    "stress_chaos",
    "io_chaos",
    "time_chaos",
    "dns_chaos",
    "http_chaos",
  ]) {
    expect(chaosmesh.actions[action].pausable, action).toBe(true);
  }
  expect(resolveAction(BUILTIN_TOOLBOX.modules, "chaosmesh.NetworkChaos")).toMatchObject({ name: "network_chaos" });
  expect(chaosmesh.actions.list_chaos.pausable).toBeUndefined();
});

test("the catalogue lists the kinds with forms the wizard can render (spec fields and Eris's own)", () => {
  const mod = catalogue({ ...BUILTIN_TOOLBOX, sources: {}, hooks: [] } as never).modules.find(
    (m) => m.namespace === "chaosmesh",
  );
  expect(mod?.actions.map((a) => a.name)).toEqual([
    "delete_trial_chaos",
    "dns_chaos",
    "get_chaos",
    "http_chaos",
    "io_chaos",
    "list_chaos",
    "network_chaos",
    "pod_chaos",
    "stress_chaos",
    "time_chaos",
  ]);
  const network = mod?.actions.find((a) => a.name === "network_chaos")?.args_schema as {
    properties: Record<string, { enum?: string[]; type?: string }>;
    required: string[];
  };
  expect(network.required).toEqual(["selector", "mode", "action"]);
  expect(network.properties.action.enum).toEqual([
    "netem",
    "delay",
    "loss",
    "duplicate",
    "corrupt",
    "partition",
    "bandwidth",
  ]);
  expect(network.properties.mode.enum).toEqual(["one", "all", "fixed", "fixed-percent", "random-max-percent"]);
  expect(network.properties.delay.type).toBe("object");
  expect(network.properties.duration.type).toBe("string");
  expect(Object.keys(network.properties)).toEqual(
    expect.arrayContaining(["namespace", "name", "injection_timeout_seconds", "kubeconfig"]),
  );
});
