/**
 * Probes over the objects Eris created: list them (all, a trial's, a kind's), read one, and delete
 * every object of a trial (for a post_step that wants it said explicitly; the module's cleanup does
 * it anyway whatever ends the trial).
 */
import { z } from "zod";
import { type Kube, clusterArgs, connect } from "../k8s/cluster";
import { type ActionDef, FailedAction, defineAction } from "../types";
import { namespaceArg } from "./actions";
import { KINDS, kindNamed } from "./kinds";
import { type ChaosObject, MANAGED_BY, TRIAL_LABEL, listObjects, readObject, targetsOf } from "./objects";
import { deleteTrialObjects } from "./trial-objects";

const kindArg = z.enum(KINDS.map((k) => k.kind) as [string, ...string[]]);
const trialArg = z.uuid("trial_id must be a trial id (a UUID)");

function summary(o: ChaosObject) {
  const conditions = Object.fromEntries((o.status?.conditions ?? []).map((c) => [c.type, c.status]));
  return {
    kind: o.kind,
    namespace: o.metadata.namespace,
    name: o.metadata.name,
    trial: o.metadata.labels?.[TRIAL_LABEL] ?? null,
    created_at: o.metadata.creationTimestamp ?? null,
    deleting: Boolean(o.metadata.deletionTimestamp),
    conditions,
    targets: targetsOf(o),
  };
}

const list_chaos = defineAction({
  description:
    "Lists the chaos objects Eris created (label app.kubernetes.io/managed-by=eris): in a namespace or all, of a kind or all, of a trial or all. Returns kind, namespace, name, trial, conditions and targets of each.",
  args: z.object({
    ...clusterArgs,
    namespace: namespaceArg.optional().describe("Only this namespace (default: all namespaces)"),
    kind: kindArg.optional().describe("Only this kind (default: every kind)"),
    trial_id: trialArg.optional().describe("Only this trial's objects"),
  }),
  run: async (args, ctx) => {
    const kube = await connect(args, ctx);
    const [key, value] = Object.entries(MANAGED_BY)[0];
    const selector = `${key}=${value}${args.trial_id ? `,${TRIAL_LABEL}=${args.trial_id}` : ""}`;
    const kinds = args.kind ? KINDS.filter((k) => k.kind === args.kind) : KINDS;
    const out: ReturnType<typeof summary>[] = [];
    for (const def of kinds)
      for (const o of await listObjects(kube, def, args.namespace, selector)) out.push(summary(o));
    return out;
  },
});

const get_chaos = defineAction({
  description: "Reads one chaos object: its metadata, spec and status (conditions, the targets' records).",
  args: z.object({
    ...clusterArgs,
    kind: kindArg.describe("The object's kind, e.g. NetworkChaos"),
    namespace: namespaceArg.default("default").describe("Namespace"),
    name: z.string().min(1).describe("The object's name"),
  }),
  run: async (args, ctx) => {
    const def = kindNamed(args.kind) as NonNullable<ReturnType<typeof kindNamed>>;
    const kube: Kube = await connect(args, ctx);
    const object = await readObject(kube, {
      kind: def.kind,
      plural: def.plural,
      namespace: args.namespace,
      name: args.name,
    });
    if (!object) throw new FailedAction(`${args.kind} ${args.namespace}/${args.name} not found`);
    return { ...summary(object), metadata: object.metadata, spec: object.spec, status: object.status ?? {} };
  },
});

const delete_trial_chaos = defineAction({
  description:
    "Deletes every chaos object labelled with a trial (default: this trial), in the given namespaces or all, and waits until they are gone. Returns what it deleted.",
  args: z.object({
    ...clusterArgs,
    trial_id: trialArg.optional().describe("The trial whose objects go (default: the running trial)"),
    namespaces: z.array(namespaceArg).optional().describe("Only these namespaces (default: all namespaces)"),
    timeout_seconds: z.number().positive().max(3600).default(60).describe("Longest wait for the objects to go"),
  }),
  run: async (args, ctx) => {
    const trialId = args.trial_id ?? ctx.trialId;
    if (!trialId) throw new FailedAction("trial_id is required outside a trial");
    const kube = await connect(args, ctx);
    const namespaces = args.namespaces ?? [undefined];
    const deleted = await deleteTrialObjects(kube, trialId, namespaces, args.timeout_seconds * 1000, ctx.signal);
    ctx.log(deleted.length ? `Deleted ${deleted.join(", ")}` : `No chaos object of trial ${trialId} was left`);
    return { trial: trialId, deleted };
  },
});

export const probeActions: Record<string, ActionDef> = { list_chaos, get_chaos, delete_trial_chaos };
