/**
 * Every chaos object of a trial (the `eris.io/trial` label), whatever its kind: found in the given
 * namespaces (or all of them) and deleted, waiting a bounded time for Chaos Mesh to let them go.
 * Shared by the delete_trial_chaos probe and the module's cleanup.
 */
import type { Kube } from "../k8s/cluster";
import { sleep } from "../types";
import { KINDS } from "./kinds";
import { type ChaosObject, type Ref, TRIAL_LABEL, deleteObject, listObjects, readObject } from "./objects";
import { POLL_MS, where } from "./waits";

export async function trialObjects(
  kube: Kube,
  trialId: string,
  namespaces: (string | undefined)[],
): Promise<{ ref: Ref; object: ChaosObject }[]> {
  const found = new Map<string, { ref: Ref; object: ChaosObject }>();
  for (const ns of namespaces) {
    for (const def of KINDS) {
      for (const object of await listObjects(kube, def, ns, `${TRIAL_LABEL}=${trialId}`)) {
        const ref = {
          kind: def.kind,
          plural: def.plural,
          namespace: object.metadata.namespace,
          name: object.metadata.name,
        };
        found.set(where(ref), { ref, object });
      }
    }
  }
  return [...found.values()];
}

/** Deletes them all, then waits up to `timeoutMs` for them to be gone; one line per object. */
export async function deleteTrialObjects(
  kube: Kube,
  trialId: string,
  namespaces: (string | undefined)[],
  timeoutMs: number,
  signal: AbortSignal,
): Promise<string[]> {
  const found = await trialObjects(kube, trialId, namespaces);
  const asked: Ref[] = [];
  for (const { ref } of found) if (await deleteObject(kube, ref)) asked.push(ref);
  const end = Date.now() + timeoutMs;
  let left = asked;
  while (left.length && Date.now() < end) {
    await sleep(POLL_MS, signal);
    const still: Ref[] = [];
    for (const ref of left) if (await readObject(kube, ref)) still.push(ref);
    left = still;
  }
  const lingering = new Set(left.map(where));
  return asked.map((ref) =>
    lingering.has(where(ref)) ? `${where(ref)} (deleted; Chaos Mesh has not let it go yet)` : where(ref),
  );
}
