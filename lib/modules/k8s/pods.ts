/**
 * Pod actions and probes, with chaostoolkit-kubernetes 0.39's names, arguments and selection
 * rules (chaosk8s.pod.*, plus the deprecated chaosk8s.probes names Kallisti experiments use).
 */
import type { V1Pod } from "@kubernetes/client-node";
import { z } from "zod";
import { type ActionDef, FailedAction, defineAction } from "../types";
import { type Kube, KubeApiError, clusterArgs, connect } from "./cluster";
import { labelSelectorArg, nsArg, parseDurationSeconds, sample, withName } from "./common";

export type PickOptions = {
  name_pattern?: string;
  all: boolean;
  rand: boolean;
  mode: "fixed" | "percentage";
  qty: number;
  order: "alphabetic" | "oldest";
};

/**
 * chaostoolkit's _select_pods: filter by name_pattern (a search, not a full match), order, then
 * all pods, or `qty` of them (percentage mode: ceil(qty% of the pods)), random or the first ones.
 */
export function pickPods(pods: V1Pod[], o: PickOptions, random: () => number = Math.random): V1Pod[] {
  const pattern = o.name_pattern ? new RegExp(o.name_pattern) : undefined;
  const name = (p: V1Pod) => p.metadata?.name ?? "";
  const time = (p: V1Pod) => new Date(p.metadata?.creationTimestamp ?? 0).getTime();
  let picked = pods.filter((p) => !pattern || pattern.test(name(p))).sort((a, b) => name(a).localeCompare(name(b)));
  if (o.order === "oldest") picked = picked.sort((a, b) => time(a) - time(b));
  if (o.all) return picked;
  const qty = o.mode === "percentage" ? Math.ceil((o.qty * picked.length) / 100) : o.qty;
  return o.rand ? sample(picked, qty, random) : picked.slice(0, qty);
}

async function listPods(kube: Kube, ns: string, labelSelector?: string): Promise<V1Pod[]> {
  const what = `list pods in namespace ${ns}${labelSelector ? ` with selector '${labelSelector}'` : ""}`;
  const list = await kube.call(what, (o) => kube.core.listNamespacedPod({ namespace: ns, labelSelector }, o));
  return list.items;
}

const podName = (p: V1Pod) => p.metadata?.name ?? "?";
const validRegex = (s: string) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
};

const terminate_pods = defineAction({
  description:
    "Deletes pods selected by label and/or name pattern: one (qty) by default, a percentage, or all; the first ones alphabetically or oldest first, or at random. Returns the deleted pod names.",
  args: z.object({
    ...clusterArgs,
    label_selector: labelSelectorArg,
    name_pattern: z
      .string()
      .refine(validRegex, "name_pattern is not a valid regular expression")
      .optional()
      .describe("Regular expression searched in pod names; pods that do not match are left alone"),
    all: z.boolean().default(false).describe("Delete every selected pod (qty and mode are ignored)"),
    rand: z.boolean().default(false).describe("Pick the pods at random instead of by `order`"),
    mode: z
      .enum(["fixed", "percentage"])
      .default("fixed")
      .describe("fixed: qty is a count; percentage: qty is a percent"),
    qty: z.number().int().min(0).default(1).describe("How many pods (or what percent of them, rounded up) to delete"),
    grace_period: z
      .number()
      .int()
      .min(-1)
      .default(-1)
      .describe("Grace period in seconds; -1 keeps each pod's own terminationGracePeriodSeconds"),
    ns: nsArg,
    order: z.enum(["alphabetic", "oldest"]).default("alphabetic").describe("Which pods come first when not random"),
  }),
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const pods = pickPods(await listPods(kube, args.ns, args.label_selector), args);
    if (pods.length === 0) ctx.log("No pod matched: nothing was deleted.");
    const deleted: string[] = [];
    for (const pod of pods) {
      const name = podName(pod);
      const gracePeriodSeconds = args.grace_period >= 0 ? args.grace_period : undefined;
      try {
        await kube.call(`delete pod ${name}`, (o) =>
          kube.core.deleteNamespacedPod({ name, namespace: args.ns, gracePeriodSeconds }, o),
        );
      } catch (err) {
        // Gone between the list and the delete (another actor, or its controller): not ours to report.
        if (err instanceof KubeApiError && err.code === 404) {
          ctx.log(`Pod ${name} was already gone.`);
          continue;
        }
        throw err;
      }
      ctx.log(`Deleted pod ${name}.`);
      deleted.push(name);
    }
    return deleted;
  },
});

const pods_in_phase = defineAction({
  description:
    "Succeeds when every pod matching the selector is in the given phase; fails naming the pods that are not.",
  args: z.object({
    ...clusterArgs,
    label_selector: labelSelectorArg,
    phase: z.string().default("Running").describe("Pod phase: Pending, Running, Succeeded, Failed or Unknown"),
    ns: nsArg,
    raise_on_invalid_phase: z.boolean().default(true).describe("Fail the step (true) or return false (false)"),
  }),
  run: async (args, ctx) => {
    const pods = await listPods(await connect(args, ctx), args.ns, args.label_selector);
    const selector = args.label_selector ?? "";
    let problem: string | null = null;
    if (pods.length === 0) problem = `no pods '${selector}' were found in namespace '${args.ns}'`;
    const wrong = pods.filter((p) => p.status?.phase !== args.phase);
    if (wrong.length > 0) {
      const list = wrong.map((p) => `${podName(p)} (${p.status?.phase ?? "no phase"})`).join(", ");
      problem = `pods '${selector}' not in phase '${args.phase}': ${list}`;
    }
    if (problem === null) return true;
    if (args.raise_on_invalid_phase) throw new FailedAction(problem);
    ctx.log(problem);
    return false;
  },
});

const countArgs = {
  ...clusterArgs,
  label_selector: labelSelectorArg,
  ns: nsArg,
};

const count_pods = defineAction({
  description: "Counts the pods matching the selector, only those in `phase` when given.",
  args: z.object({ ...countArgs, phase: z.string().optional().describe("Count only pods in this phase") }),
  run: async (args, ctx) => {
    const pods = await listPods(await connect(args, ctx), args.ns, args.label_selector);
    return pods.filter((p) => !args.phase || p.status?.phase === args.phase).length;
  },
});

const count_min_pods = defineAction({
  description: "Returns whether at least `min_count` pods matching the selector are in `phase`.",
  args: z.object({
    ...countArgs,
    phase: z.string().default("Running").describe("Pod phase to count"),
    min_count: z.number().int().min(0).default(2).describe("Minimum number of pods"),
  }),
  run: async (args, ctx) => {
    const pods = await listPods(await connect(args, ctx), args.ns, args.label_selector);
    return pods.filter((p) => p.status?.phase === args.phase).length >= args.min_count;
  },
});

const all_microservices_healthy = defineAction({
  description:
    "Succeeds when every pod in the namespace is Running or Succeeded; fails naming failed and not-ready pods.",
  args: z.object({ ...clusterArgs, ns: nsArg }),
  run: async (args, ctx) => {
    const pods = await listPods(await connect(args, ctx), args.ns);
    const failed = pods.filter((p) => p.status?.phase === "Failed").map(podName);
    const notReady = pods
      .filter((p) => !["Running", "Succeeded", "Failed"].includes(p.status?.phase ?? ""))
      .map((p) => `${podName(p)} (${p.status?.phase ?? "no phase"})`);
    if (failed.length === 0 && notReady.length === 0) return true;
    const parts = [
      failed.length ? `failed: ${failed.join(", ")}` : "",
      notReady.length ? `not ready: ${notReady.join(", ")}` : "",
    ];
    throw new FailedAction(`the system is unhealthy in namespace '${args.ns}': ${parts.filter(Boolean).join("; ")}`);
  },
});

const read_pod_logs = defineAction({
  description: "Reads the logs of one pod (pod_name) or of every pod matching the selector; returns {podName: text}.",
  args: z.object({
    ...clusterArgs,
    name: z
      .string()
      .optional()
      .describe("Application name: selects pods with label `name` in (name), unless label_selector is set"),
    pod_name: z.string().optional().describe("Read this one pod only"),
    label_selector: labelSelectorArg,
    container_name: z.string().optional().describe("Container to read (needed when the pod has several)"),
    last: z
      .string()
      .refine(
        (s) => parseDurationSeconds(s) !== null,
        'last must be a duration such as "10s", "5m", "1h" or "10 minutes"',
      )
      .optional()
      .describe('Only the last part of the logs, e.g. "10s", "5m", "1h30m"'),
    tail_lines: z.number().int().positive().optional().describe("Only the last N lines"),
    from_previous: z.boolean().default(false).describe("Read the previous (crashed) container instance"),
    ns: nsArg,
  }),
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const selector = withName(args.label_selector ?? (args.name ? "name in ({name})" : undefined), args.name);
    const names = args.pod_name ? [args.pod_name] : (await listPods(kube, args.ns, selector)).map(podName);
    const since = args.last === undefined ? undefined : parseDurationSeconds(args.last);
    const logs: Record<string, string> = {};
    for (const name of names) {
      logs[name] = await kube.call(`read logs of pod ${name}`, (o) =>
        kube.core.readNamespacedPodLog(
          {
            name,
            namespace: args.ns,
            container: args.container_name,
            tailLines: args.tail_lines,
            sinceSeconds: since ? Math.max(1, Math.ceil(since)) : undefined,
            previous: args.from_previous || undefined,
          },
          o,
        ),
      );
    }
    return logs;
  },
});

export const podActions: Record<string, ActionDef> = {
  terminate_pods,
  pods_in_phase,
  count_pods,
  count_min_pods,
  all_microservices_healthy,
  read_pod_logs,
  // chaostoolkit's older name for read_pod_logs, still exported by chaosk8s.probes.
  read_microservices_logs: read_pod_logs,
};
