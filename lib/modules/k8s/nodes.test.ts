import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { run, startFake } from "./test-helpers";

let fake: FakeK8s;
beforeEach(async () => {
  fake = await startFake({ recreateDelayMs: 100 });
  fake.addNode("n1", { zone: "a" });
  fake.addNode("n2", { zone: "b" });
  fake.addNode("n3", { zone: "b" }, { ready: false });
});
afterEach(() => fake.stop());

const nodeOf = (pod: string) => fake.pods.get(`default/${pod}`)?.spec.nodeName;

test("get_nodes lists name, unschedulable, ready and labels", async () => {
  fake.nodes.get("n2")!.spec.unschedulable = true;
  expect(await run(fake, "get_nodes", { label_selector: "zone=b" })).toEqual([
    { name: "n2", unschedulable: true, ready: true, labels: { zone: "b", "kubernetes.io/hostname": "n2" } },
    { name: "n3", unschedulable: false, ready: false, labels: { zone: "b", "kubernetes.io/hostname": "n3" } },
  ]);
  expect(await run(fake, "get_nodes", {})).toHaveLength(3);
});

test("cordon_node and uncordon_node by name or label selector", async () => {
  expect(await run(fake, "cordon_node", { name: "n1" })).toEqual(["n1"]);
  expect(fake.nodes.get("n1")?.spec.unschedulable).toBe(true);
  expect(fake.requests.at(-1)).toMatchObject({
    method: "PATCH",
    contentType: "application/strategic-merge-patch+json",
  });
  expect(await run(fake, "cordon_node", { label_selector: "zone=b" })).toEqual(["n2", "n3"]);
  expect(await run(fake, "uncordon_node", { label_selector: "zone in (a,b)" })).toEqual(["n1", "n2", "n3"]);
  expect([...fake.nodes.values()].map((n) => n.spec.unschedulable)).toEqual([false, false, false]);
  await expect(run(fake, "cordon_node", { name: "n9" })).rejects.toThrow(
    "failed to find a node that matches name 'n9'",
  );
  await expect(run(fake, "uncordon_node", { name: "n1", label_selector: "zone=b" })).rejects.toThrow(
    "failed to find a node that matches name 'n1' and label selector 'zone=b'",
  );
});

test("drain_nodes cordons, evicts the managed pods, leaves DaemonSet pods, and the pods come back elsewhere", async () => {
  fake.nodes.get("n3")!.spec.unschedulable = true; // keep the round robin on n1/n2
  fake.addDeployment("default", "web", { app: "web" }, 4);
  fake.addPod("default", "agent-n1", { nodeName: "n1", owner: "DaemonSet" });
  fake.addPod("default", "cache-n1", { nodeName: "n1", owner: "ReplicaSet", emptyDir: true });
  const onN1 = fake.podNames("default", "app=web").filter((p) => nodeOf(p) === "n1");
  expect(onN1).toHaveLength(2);

  const result = (await run(fake, "drain_nodes", { name: "n1" })) as { nodes: string[]; evicted: string[] };
  expect(result).toEqual({ nodes: ["n1"], evicted: onN1.map((p) => `default/${p}`) });
  expect(fake.nodes.get("n1")?.spec.unschedulable).toBe(true);
  expect(fake.deletions.map((d) => d.via)).toEqual(["eviction", "eviction"]);
  expect(fake.podNames("default")).toContain("agent-n1");
  expect(fake.podNames("default")).toContain("cache-n1");

  expect(await run(fake, "deployment_is_fully_available", { name: "web", timeout: 5 })).toBe(true);
  const web = fake.podNames("default", "app=web");
  expect(web).toHaveLength(4);
  expect(web.map(nodeOf)).toEqual(["n2", "n2", "n2", "n2"]);

  // with the flag, the pod with local storage goes too; then uncordon in the rollback
  const again = (await run(fake, "drain_nodes", { name: "n1", delete_pods_with_local_storage: true })) as {
    evicted: string[];
  };
  expect(again.evicted).toEqual(["default/cache-n1"]);
  expect(await run(fake, "uncordon_node", { name: "n1" })).toEqual(["n1"]);
});

test("drain_nodes refuses a node with an unmanaged pod (after cordoning it, like chaostoolkit)", async () => {
  fake.addPod("default", "lonely", { nodeName: "n2" });
  await expect(run(fake, "drain_nodes", { name: "n2" })).rejects.toThrow(
    "Pod 'lonely' on node 'n2' is unmanaged, cannot drain this node. Delete it manually first?",
  );
  expect(fake.nodes.get("n2")?.spec.unschedulable).toBe(true);
  expect(fake.podNames("default")).toEqual(["lonely"]);
});

test("drain_nodes with count drains that many of the selected nodes", async () => {
  const result = (await run(fake, "drain_nodes", { label_selector: "zone=b", count: 1 })) as { nodes: string[] };
  expect(result.nodes).toHaveLength(1);
  expect(["n2", "n3"]).toContain(result.nodes[0]);
  expect([...fake.nodes.values()].filter((n) => n.spec.unschedulable)).toHaveLength(1);
});
