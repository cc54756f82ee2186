/**
 * Node actions and probes (chaosk8s.node.*): cordon, uncordon, drain (kubectl drain
 * --ignore-daemonsets, through the Eviction API so PodDisruptionBudgets are honoured), get_nodes.
 */
import type { V1Node, V1Pod } from "@kubernetes/client-node";
import { z } from "zod";
import { type ActionDef, FailedAction, defineAction, sleep } from "../types";
import { type Kube, KubeApiError, PATCH, clusterArgs, connect } from "./cluster";
import { WAIT_STEP_TIMEOUT_MS, labelSelectorArg, sample, timeoutArg } from "./common";

/** How often drain looks whether the evicted pods are gone (chaostoolkit: 10 s). */
export const DRAIN_POLL_MS = 1000;

const selectArgs = {
  ...clusterArgs,
  name: z.string().min(1).optional().describe("Node name"),
  label_selector: labelSelectorArg,
};

/** chaostoolkit's _select_nodes: by name and/or labels (neither: every node); none found fails. */
async function selectNodes(kube: Kube, name?: string, labelSelector?: string, count?: number): Promise<V1Node[]> {
  const fieldSelector = name ? `metadata.name=${name}` : undefined;
  const list = await kube.call("list nodes", (o) => kube.core.listNode({ fieldSelector, labelSelector }, o));
  if (list.items.length === 0) {
    const by = [name ? `name '${name}'` : "", labelSelector ? `label selector '${labelSelector}'` : ""].filter(Boolean);
    throw new FailedAction(`failed to find a node that matches ${by.join(" and ") || "any selector"}`);
  }
  // chaostoolkit draws with replacement (random.choices) and may pick a node twice; we do not.
  return count === undefined ? list.items : sample(list.items, count);
}

const nodeName = (n: V1Node) => n.metadata?.name ?? "";

async function setUnschedulable(kube: Kube, name: string, unschedulable: boolean): Promise<void> {
  await kube.call(
    `failed to ${unschedulable ? "unschedule" : "schedule"} node '${name}'`,
    (o) => kube.core.patchNode({ name, body: { spec: { unschedulable } } }, o),
    PATCH.strategicMerge,
  );
}

const cordon_node = defineAction({
  description: "Marks the selected nodes unschedulable (kubectl cordon); returns their names.",
  args: z.object(selectArgs),
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const names = (await selectNodes(kube, args.name, args.label_selector)).map(nodeName);
    for (const name of names) await setUnschedulable(kube, name, true);
    ctx.log(`Cordoned ${names.join(", ")}.`);
    return names;
  },
});

const uncordon_node = defineAction({
  description: "Marks the selected nodes schedulable again (kubectl uncordon); returns their names.",
  args: z.object(selectArgs),
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const names = (await selectNodes(kube, args.name, args.label_selector)).map(nodeName);
    for (const name of names) await setUnschedulable(kube, name, false);
    ctx.log(`Uncordoned ${names.join(", ")}.`);
    return names;
  },
});

/** kubectl drain's choice: skip mirror and DaemonSet pods, local storage unless allowed, refuse unmanaged pods. */
function evictionCandidates(pods: V1Pod[], node: string, withLocalStorage: boolean): V1Pod[] {
  const out: V1Pod[] = [];
  for (const pod of pods) {
    const name = pod.metadata?.name;
    if (pod.metadata?.annotations?.["kubernetes.io/config.mirror"]) continue;
    if ((pod.spec?.volumes ?? []).some((v) => v.emptyDir)) {
      if (withLocalStorage) out.push(pod);
      continue;
    }
    if (["Succeeded", "Failed"].includes(pod.status?.phase ?? "")) {
      out.push(pod);
      continue;
    }
    const controller = pod.metadata?.ownerReferences?.find((r) => r.controller);
    if (controller?.kind === "DaemonSet") continue;
    if (!controller) {
      throw new FailedAction(
        `Pod '${name}' on node '${node}' is unmanaged, cannot drain this node. Delete it manually first?`,
      );
    }
    out.push(pod);
  }
  return out;
}

const drain_nodes = defineAction({
  description:
    "Cordons the selected nodes, evicts their pods (not DaemonSet or mirror pods; pods with local storage only when allowed) and waits until they are gone. Returns {nodes, evicted}.",
  args: z.object({
    ...selectArgs,
    delete_pods_with_local_storage: z.boolean().default(false).describe("Also evict pods with emptyDir volumes"),
    timeout: timeoutArg(120),
    count: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Drain only this many of the selected nodes, picked at random"),
  }),
  defaultTimeoutMs: WAIT_STEP_TIMEOUT_MS,
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const deadline = Date.now() + args.timeout * 1000;
    const nodes = (await selectNodes(kube, args.name, args.label_selector, args.count)).map(nodeName);
    for (const name of nodes) await setUnschedulable(kube, name, true);
    const evicted: V1Pod[] = [];
    for (const node of nodes) {
      const pods = await kube.call(`list pods on node ${node}`, (o) =>
        kube.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` }, o),
      );
      for (const pod of evictionCandidates(pods.items, node, args.delete_pods_with_local_storage)) {
        if (await evict(kube, pod, deadline)) evicted.push(pod);
      }
    }
    await waitUntilGone(kube, evicted, deadline, args.timeout);
    const names = evicted.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
    ctx.log(`Drained ${nodes.join(", ")}: evicted ${names.length} pod(s).`);
    return { nodes, evicted: names };
  },
});

/** Evicts one pod; retries while a PodDisruptionBudget refuses (429). False when it was already gone. */
async function evict(kube: Kube, pod: V1Pod, deadline: number): Promise<boolean> {
  const name = pod.metadata?.name ?? "";
  const namespace = pod.metadata?.namespace ?? "default";
  const body = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace } };
  for (;;) {
    try {
      await kube.call(`failed to evict pod ${namespace}/${name}`, (o) =>
        kube.core.createNamespacedPodEviction({ name, namespace, body }, o),
      );
      return true;
    } catch (err) {
      if (!(err instanceof KubeApiError)) throw err;
      if (err.code === 404) return false;
      if (err.code !== 429 || Date.now() >= deadline) throw err;
      await sleep(DRAIN_POLL_MS, kube.signal);
    }
  }
}

/** Gone means 404, or a new pod under the same name (a StatefulSet's replacement). */
async function waitUntilGone(kube: Kube, pods: V1Pod[], deadline: number, timeout: number): Promise<void> {
  let pending = pods;
  while (pending.length > 0) {
    const still: V1Pod[] = [];
    for (const pod of pending) {
      const name = pod.metadata?.name ?? "";
      const namespace = pod.metadata?.namespace ?? "default";
      try {
        const now = await kube.call(`read pod ${namespace}/${name}`, (o) =>
          kube.core.readNamespacedPod({ name, namespace }, o),
        );
        if (now.metadata?.uid === pod.metadata?.uid) still.push(pod);
      } catch (err) {
        if (!(err instanceof KubeApiError && err.code === 404)) throw err;
      }
    }
    pending = still;
    if (pending.length === 0) return;
    const left = deadline - Date.now();
    if (left <= 0) {
      const names = pending.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).join(", ");
      throw new FailedAction(`Draining nodes did not complete within ${timeout}s. Remaining pods: ${names}`);
    }
    await sleep(Math.min(DRAIN_POLL_MS, left), kube.signal);
  }
}

const get_nodes = defineAction({
  description: "Lists the nodes (optionally by label selector) as [{name, unschedulable, ready, labels}].",
  args: z.object({ ...clusterArgs, label_selector: labelSelectorArg }),
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const list = await kube.call("list nodes", (o) => kube.core.listNode({ labelSelector: args.label_selector }, o));
    return list.items.map((n) => ({
      name: nodeName(n),
      unschedulable: n.spec?.unschedulable ?? false,
      ready: n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
      labels: n.metadata?.labels ?? {},
    }));
  },
});

export const nodeActions: Record<string, ActionDef> = { cordon_node, uncordon_node, drain_nodes, get_nodes };
