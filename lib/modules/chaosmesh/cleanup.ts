/**
 * The module's cleanup (ModuleDef.cleanup), run whatever ends a trial and again on recovery: every
 * chaos object labelled with the trial is deleted, in every namespace the trial's chaosmesh steps
 * used, through each cluster connection they used. Safe to repeat: nothing found, nothing removed.
 */
import { z } from "zod";
import { type ClusterArgs, clusterArgs, connect } from "../k8s/cluster";
import type { CleanupContext } from "../types";
import { deleteTrialObjects } from "./trial-objects";

const connection = z.looseObject(clusterArgs);
const CLEANUP_WAIT_MS = 30_000;

type Group = { args: ClusterArgs; credential: CleanupContext["steps"][number]["credential"]; namespaces: Set<string> };

/** The namespaces a step touched: its `namespace`, a probe's `namespaces`, else "default". */
function namespacesOf(args: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof args.namespace === "string") out.push(args.namespace);
  if (Array.isArray(args.namespaces)) out.push(...args.namespaces.filter((n): n is string => typeof n === "string"));
  return out.length ? out : ["default"];
}

export async function cleanupChaos(ctx: CleanupContext): Promise<string[]> {
  const groups = new Map<string, Group>();
  for (const step of ctx.steps) {
    const parsed = connection.safeParse(step.args);
    if (!parsed.success) continue;
    const { k8s_api_host, kubeconfig, context, insecure_skip_tls_verify, platform } = parsed.data;
    const args = { k8s_api_host, kubeconfig, context, insecure_skip_tls_verify, platform };
    // One connection per distinct cluster and credential (kept in memory only, never written).
    const key = JSON.stringify([args, step.credential]);
    const group = groups.get(key) ?? { args, credential: step.credential, namespaces: new Set<string>() };
    for (const ns of namespacesOf(step.args)) group.namespaces.add(ns);
    groups.set(key, group);
  }
  const removed: string[] = [];
  for (const group of groups.values()) {
    const actionCtx = {
      signal: ctx.signal,
      log: ctx.log,
      credential: group.credential,
      credentialHandlers: ctx.credentialHandlers,
      trialId: ctx.trialId,
    };
    const kube = await connect(group.args, actionCtx);
    const namespaces = [...group.namespaces].sort();
    removed.push(...(await deleteTrialObjects(kube, ctx.trialId, namespaces, CLEANUP_WAIT_MS, ctx.signal)));
  }
  return removed;
}
