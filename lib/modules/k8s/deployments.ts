/**
 * Deployment actions and probes (chaosk8s.deployment.* and the chaosk8s.probes names Kallisti
 * experiments use). Waits poll the API instead of watching, so a stopped trial interrupts them.
 */
import type { V1Deployment } from "@kubernetes/client-node";
import { z } from "zod";
import { type ActionContext, type ActionDef, FailedAction, defineAction, sleep } from "../types";
import { type Kube, PATCH, clusterArgs, connect } from "./cluster";
import { WAIT_STEP_TIMEOUT_MS, labelSelectorArg, nsArg, timeoutArg, withName } from "./common";

/** How often the availability waits look again. */
export const POLL_MS = 500;

const nameArg = z.string().min(1).describe("Deployment name");

async function findDeployments(kube: Kube, ns: string, name?: string, labelSelector?: string): Promise<V1Deployment[]> {
  const fieldSelector = name ? `metadata.name=${name}` : undefined;
  const list = await kube.call(`list deployments in namespace ${ns}`, (o) =>
    kube.apps.listNamespacedDeployment({ namespace: ns, fieldSelector, labelSelector }, o),
  );
  return list.items;
}

async function oneDeployment(kube: Kube, ns: string, name: string, labelSelector?: string): Promise<V1Deployment> {
  const [d] = await findDeployments(kube, ns, name, withName(labelSelector, name));
  if (!d) throw new FailedAction(`Deployment '${name}' was not found in namespace '${ns}'`);
  return d;
}

/** The API omits zero counts, and a deployment without spec.replicas wants 1. */
const desired = (d: V1Deployment) => d.spec?.replicas ?? 1;
const ready = (d: V1Deployment) => d.status?.readyReplicas ?? 0;
const available = (d: V1Deployment) => d.status?.availableReplicas ?? 0;

const microservice_available_and_healthy = defineAction({
  description: "Succeeds when the deployment has as many available replicas as it wants; fails otherwise.",
  args: z.object({ ...clusterArgs, name: nameArg, ns: nsArg, label_selector: labelSelectorArg }),
  run: async (args, ctx) => {
    const d = await oneDeployment(await connect(args, ctx), args.ns, args.name, args.label_selector);
    if (available(d) !== desired(d)) {
      throw new FailedAction(
        `Deployment '${args.name}' is not healthy: ${available(d)} of ${desired(d)} replicas available`,
      );
    }
    return true;
  },
});

type WaitArgs = z.output<typeof waitArgs>;
const waitArgs = z.object({
  ...clusterArgs,
  name: nameArg,
  ns: nsArg,
  label_selector: labelSelectorArg,
  timeout: timeoutArg(30),
});

/** Polls until (ready replicas == desired) equals `wantReady`, or fails after `timeout` seconds. */
async function waitForReadiness(args: WaitArgs, ctx: ActionContext, wantReady: boolean): Promise<true> {
  const kube = await connect(args, ctx);
  const deadline = Date.now() + args.timeout * 1000;
  for (;;) {
    const d = await oneDeployment(kube, args.ns, args.name, args.label_selector);
    const counts = `${ready(d)} of ${desired(d)} replicas ready`;
    if ((ready(d) === desired(d)) === wantReady) {
      ctx.log(`Deployment ${args.name}: ${counts}.`);
      return true;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const what = wantReady ? "failed to recover" : "failed to stop running";
      throw new FailedAction(`deployment '${args.name}' ${what} within ${args.timeout}s (${counts})`);
    }
    await sleep(Math.min(POLL_MS, left), ctx.signal);
  }
}

const deployment_is_fully_available = defineAction({
  description: "Waits until all the deployment's replicas are ready; fails after `timeout` seconds.",
  args: waitArgs,
  defaultTimeoutMs: WAIT_STEP_TIMEOUT_MS,
  run: (args, ctx) => waitForReadiness(args, ctx, true),
});

const deployment_is_not_fully_available = defineAction({
  description: "Waits until the deployment has fewer ready replicas than it wants; fails after `timeout` seconds.",
  args: waitArgs,
  defaultTimeoutMs: WAIT_STEP_TIMEOUT_MS,
  run: (args, ctx) => waitForReadiness(args, ctx, false),
});

const scale_deployment = defineAction({
  description: "Sets the deployment's replica count (the scale subresource); returns the new desired count.",
  args: z.object({
    ...clusterArgs,
    name: nameArg,
    replicas: z.number().int().min(0).describe("Desired number of replicas"),
    ns: nsArg,
  }),
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const scale = await kube.call(
      `failed to scale '${args.name}' to ${args.replicas} replicas`,
      (o) =>
        kube.apps.patchNamespacedDeploymentScale(
          { name: args.name, namespace: args.ns, body: { spec: { replicas: args.replicas } } },
          o,
        ),
      PATCH.merge,
    );
    return scale.spec?.replicas ?? args.replicas;
  },
});

/** The annotation `kubectl rollout restart` sets; a changed pod template makes new pods. */
export const RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

const rollout_deployment = defineAction({
  description: "Restarts the deployment's pods as `kubectl rollout restart` does (a rolling update).",
  args: z.object({ ...clusterArgs, name: nameArg, ns: nsArg }),
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const restartedAt = new Date().toISOString();
    const body = { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: restartedAt } } } } };
    await kube.call(
      `failed to rollout deployment '${args.name}'`,
      (o) => kube.apps.patchNamespacedDeployment({ name: args.name, namespace: args.ns, body }, o),
      PATCH.strategicMerge,
    );
    return { name: args.name, annotation: RESTARTED_AT, restartedAt };
  },
});

const delete_deployment = defineAction({
  description:
    "Deletes a deployment by name, or every deployment matching the label selector; returns the deleted names.",
  args: z.object({
    ...clusterArgs,
    name: z.string().min(1).optional().describe("Deployment name"),
    ns: nsArg,
    label_selector: labelSelectorArg,
  }),
  run: async (args, ctx) => {
    // Unlike chaostoolkit, no selector at all does not mean "every deployment in the namespace".
    if (!args.name && !args.label_selector)
      throw new FailedAction("delete_deployment needs a name or a label_selector");
    const kube = await connect(args, ctx);
    const selector = withName(args.label_selector, args.name);
    const targets = args.name
      ? [await oneDeployment(kube, args.ns, args.name, selector)]
      : await findDeployments(kube, args.ns, undefined, selector);
    const deleted: string[] = [];
    for (const d of targets) {
      const name = d.metadata?.name ?? "";
      await kube.call(`delete deployment ${name}`, (o) =>
        kube.apps.deleteNamespacedDeployment({ name, namespace: args.ns }, o),
      );
      ctx.log(`Deleted deployment ${name}.`);
      deleted.push(name);
    }
    return deleted;
  },
});

export const deploymentActions: Record<string, ActionDef> = {
  microservice_available_and_healthy,
  deployment_is_fully_available,
  deployment_is_not_fully_available,
  scale_deployment,
  rollout_deployment,
  delete_deployment,
};
