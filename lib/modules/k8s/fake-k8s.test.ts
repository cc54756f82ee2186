/**
 * The fake API server against the real client where the k8s actions do not go: the client's
 * default JSON patch, a strategic merge patch on a custom resource (415), list field selectors.
 */
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from "@kubernetes/client-node";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { TOKEN, startFake } from "./test-helpers";

let fake: FakeK8s;
let kc: KubeConfig;
beforeEach(async () => {
  fake = await startFake({ recreateDelayMs: 50 });
  kc = new KubeConfig();
  kc.loadFromClusterAndUser({ name: "c", server: fake.url, skipTLSVerify: true }, { name: "u", token: TOKEN });
});
afterEach(() => fake.stop());

test("the client's default patch type (JSON patch) works on deployments and nodes", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 1);
  fake.addNode("n1");
  const apps = kc.makeApiClient(AppsV1Api);
  const scale = await apps.patchNamespacedDeploymentScale({
    name: "web",
    namespace: "default",
    body: [{ op: "replace", path: "/spec/replicas", value: 2 }],
  });
  expect(fake.requests.at(-1)?.contentType).toBe("application/json-patch+json");
  expect(scale.spec?.replicas).toBe(2);
  await new Promise((r) => setTimeout(r, 150));
  const d = await apps.readNamespacedDeployment({ name: "web", namespace: "default" });
  expect(d.status?.readyReplicas).toBe(2);
  expect(d.metadata?.generation).toBe(2);
  const core = kc.makeApiClient(CoreV1Api);
  const node = await core.patchNode({ name: "n1", body: [{ op: "add", path: "/spec/unschedulable", value: true }] });
  expect(node.spec?.unschedulable).toBe(true);
  // the only node is cordoned now: a replacement pod has to wait for one
  await apps.patchNamespacedDeploymentScale({
    name: "web",
    namespace: "default",
    body: [{ op: "replace", path: "/spec/replicas", value: 3 }],
  });
  await new Promise((r) => setTimeout(r, 150));
  const phases = () =>
    fake
      .podNames("default")
      .map((p) => fake.pods.get(`default/${p}`)?.status.phase)
      .sort();
  expect(phases()).toEqual(["Pending", "Running", "Running"]);
  await core.patchNode({ name: "n1", body: [{ op: "replace", path: "/spec/unschedulable", value: false }] });
  expect(phases()).toEqual(["Running", "Running", "Running"]);
});

test("custom resources refuse strategic merge patches with 415, as a real API server does", async () => {
  fake.addVirtualService("default", "vs", { http: [] });
  const custom = kc.makeApiClient(CustomObjectsApi);
  const call = custom.patchNamespacedCustomObject(
    {
      group: "networking.istio.io",
      version: "v1beta1",
      namespace: "default",
      plural: "virtualservices",
      name: "vs",
      body: {},
    },
    setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch),
  );
  await expect(call).rejects.toMatchObject({ code: 415 });
});

test("field selectors on pods: spec.nodeName and status.phase, and unsupported fields are a 400", async () => {
  fake.addNode("n1");
  fake.addNode("n2");
  fake.addDeployment("default", "web", { app: "web" }, 3);
  fake.setPodPhase("default", fake.podNames("default")[0], "Failed");
  const core = kc.makeApiClient(CoreV1Api);
  const onN1 = await core.listPodForAllNamespaces({ fieldSelector: "spec.nodeName=n1" });
  expect(onN1.items.map((p) => p.spec?.nodeName)).toEqual(["n1", "n1"]);
  const running = await core.listNamespacedPod({ namespace: "default", fieldSelector: "status.phase!=Failed" });
  expect(running.items).toHaveLength(2);
  await expect(
    core.listNamespacedPod({ namespace: "default", fieldSelector: "spec.hostname=x" }),
  ).rejects.toMatchObject({
    code: 400,
  });
});

test("deleting a deployment takes its pods; a deleted pod's Status 404 reaches the client", async () => {
  fake.addDeployment("default", "web", { app: "web" }, 2);
  const apps = kc.makeApiClient(AppsV1Api);
  const core = kc.makeApiClient(CoreV1Api);
  const status = await apps.deleteNamespacedDeployment({ name: "web", namespace: "default" });
  expect(status).toMatchObject({ status: "Success", details: { name: "web", kind: "deployments" } });
  expect(fake.podNames("default")).toEqual([]);
  await expect(core.deleteNamespacedPod({ name: "web-x", namespace: "default" })).rejects.toMatchObject({ code: 404 });
});
