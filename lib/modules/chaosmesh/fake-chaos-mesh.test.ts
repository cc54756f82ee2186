/**
 * The fake Chaos Mesh (e2e/fixtures/fake-chaos-mesh*.ts) against the real client, over HTTP: what its
 * simulated controller does with a NetworkChaos, and the API server's and webhook's refusals.
 */
import { CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { SEED_DELAY, TOKEN, startFake } from "./test-helpers";

let fake: FakeK8s;
let custom: CustomObjectsApi;
let core: CoreV1Api;
beforeEach(async () => {
  fake = await startFake();
  const kc = new KubeConfig();
  kc.loadFromClusterAndUser({ name: "c", server: fake.url, skipTLSVerify: true }, { name: "u", token: TOKEN });
  custom = kc.makeApiClient(CustomObjectsApi);
  core = kc.makeApiClient(CoreV1Api);
});
afterEach(() => fake.stop());

const api = { group: "chaos-mesh.org", version: "v1alpha1", namespace: "default", plural: "networkchaos" };
const body = (name: string, spec: Record<string, unknown> = SEED_DELAY) => ({
  apiVersion: "chaos-mesh.org/v1alpha1",
  kind: "NetworkChaos",
  metadata: { name, labels: { "eris.io/trial": "t1" } },
  spec,
});
const get = async (name: string) => custom.getNamespacedCustomObject({ ...api, name });
const conditions = (o: { status?: { conditions?: { type: string; status: string }[] } }) =>
  Object.fromEntries((o.status?.conditions ?? []).map((c) => [c.type, c.status]));
const mergePatch = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);

test("a selector that matches pods: AllInjected after a short delay, the pause annotation pauses, delete recovers", async () => {
  await custom.createNamespacedCustomObject({ ...api, body: body("delay") });
  expect(conditions(await get("delay"))).toEqual({
    Selected: "False",
    AllInjected: "False",
    AllRecovered: "False",
    Paused: "False",
  });
  await new Promise((r) => setTimeout(r, 150));
  const injected = await get("delay");
  expect(conditions(injected)).toMatchObject({ Selected: "True", AllInjected: "True", AllRecovered: "False" });
  expect(injected.status.experiment.containerRecords).toHaveLength(1); // mode: one
  expect(injected.status.experiment.containerRecords[0].id).toMatch(/^default\/web-show-/);

  const annotate = (value: string | null) =>
    custom.patchNamespacedCustomObject(
      { ...api, name: "delay", body: { metadata: { annotations: { "experiment.chaos-mesh.org/pause": value } } } },
      mergePatch,
    );
  await annotate("true");
  expect(conditions(await get("delay"))).toMatchObject({ Paused: "True", AllInjected: "False", AllRecovered: "True" });
  await annotate(null);
  await new Promise((r) => setTimeout(r, 150));
  expect(conditions(await get("delay"))).toMatchObject({ Paused: "False", AllInjected: "True" });

  const listed = await custom.listClusterCustomObject({
    group: api.group,
    version: api.version,
    plural: api.plural,
    labelSelector: "eris.io/trial=t1",
  });
  expect(listed.items.map((o: { metadata: { name: string } }) => o.metadata.name)).toEqual(["delay"]);

  await custom.deleteNamespacedCustomObject({ ...api, name: "delay" });
  expect((await get("delay")).metadata.deletionTimestamp).toBeTruthy();
  await new Promise((r) => setTimeout(r, 400));
  await expect(get("delay")).rejects.toMatchObject({ code: 404 });
  expect(fake.chaosMesh.controller.history.map((h) => h.what)).toEqual([
    "created",
    "injected",
    "paused",
    "recovered",
    "resumed",
    "injected",
    "deleted",
    "recovered",
    "gone",
  ]);
  const events = await core.listNamespacedEvent({ namespace: "default", fieldSelector: "involvedObject.name=delay" });
  expect(events.items.map((e) => e.reason)).toEqual([
    "Applied",
    "Paused",
    "Recovered",
    "Started",
    "Applied",
    "Deleted",
    "Recovered",
  ]);
});

test("a selector that matches no pod: Selected=False and Chaos Mesh's own event", async () => {
  const spec = { ...SEED_DELAY, selector: { namespaces: ["default"], labelSelectors: { app: "nothing" } } };
  await custom.createNamespacedCustomObject({ ...api, body: body("miss", spec) });
  await new Promise((r) => setTimeout(r, 200));
  expect(conditions(await get("miss"))).toEqual({
    Selected: "False",
    AllInjected: "False",
    AllRecovered: "False",
    Paused: "False",
  });
  const events = await core.listNamespacedEvent({
    namespace: "default",
    fieldSelector: "involvedObject.name=miss,involvedObject.kind=NetworkChaos",
  });
  expect(events.items.map((e) => [e.type, e.reason, e.message])).toEqual([
    ["Warning", "Failed", "Failed to select targets: no target has been selected"],
  ]);
});

test("its own duration ends the fault, counted from creation (TimeUp)", async () => {
  await custom.createNamespacedCustomObject({ ...api, body: body("short", { ...SEED_DELAY, duration: "300ms" }) });
  await new Promise((r) => setTimeout(r, 450));
  expect(conditions(await get("short"))).toMatchObject({ AllInjected: "False", AllRecovered: "True" });
  expect(fake.chaosMesh.controller.history.map((h) => h.what)).toEqual(["created", "injected", "time-up", "recovered"]);
});

test("the API server's and the webhook's refusals", async () => {
  await custom.createNamespacedCustomObject({ ...api, body: body("x") });
  await expect(custom.createNamespacedCustomObject({ ...api, body: body("x") })).rejects.toMatchObject({
    code: 409,
    body: expect.stringContaining('networkchaos.chaos-mesh.org \\"x\\" already exists'),
  });
  await expect(custom.createNamespacedCustomObject({ ...api, body: body("Bad_Name") })).rejects.toMatchObject({
    code: 422,
  });
  await expect(
    custom.createNamespacedCustomObject({ ...api, body: body("m", { ...SEED_DELAY, mode: "fixed" }) }),
  ).rejects.toMatchObject({ code: 403, body: expect.stringContaining("value is required for mode fixed") });
  await expect(
    custom.patchNamespacedCustomObject({ ...api, name: "x", body: { spec: { duration: "1h" } } }, mergePatch),
  ).rejects.toMatchObject({ code: 403, body: expect.stringContaining("Cannot update chaos spec") });
  await expect(get("nope")).rejects.toMatchObject({ code: 404 });
});
