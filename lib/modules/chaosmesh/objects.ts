/**
 * Chaos Mesh objects through the custom-objects API (chaos-mesh.org/v1alpha1): create, read, list by
 * label, pause and resume (the `experiment.chaos-mesh.org/pause` annotation, a JSON merge patch),
 * delete, and the Events Chaos Mesh records about an object. Also the words a log uses for them:
 * the conditions as `Type=Status` and the events as `Type Reason: message`.
 */
import { type Kube, KubeApiError, PATCH } from "../k8s/cluster";

export const GROUP = "chaos-mesh.org";
export const VERSION = "v1alpha1";
export const API_VERSION = `${GROUP}/${VERSION}`;
export const PAUSE_ANNOTATION = "experiment.chaos-mesh.org/pause";
/** Every object Eris creates carries both: found again by trial, and told apart from others'. */
export const TRIAL_LABEL = "eris.io/trial";
export const MANAGED_BY = { "app.kubernetes.io/managed-by": "eris" };

export type Condition = { type: string; status: string; reason?: string };
export type ChaosObject = {
  apiVersion?: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
    deletionTimestamp?: string;
  };
  spec: Record<string, unknown>;
  status?: {
    conditions?: Condition[];
    experiment?: { desiredPhase?: string; containerRecords?: { id: string; phase: string }[] };
  };
};
export type Ref = { kind: string; plural: string; namespace: string; name: string };

const where = (r: Ref) => `${r.kind} ${r.namespace}/${r.name}`;

export async function createObject(kube: Kube, ref: Ref, body: ChaosObject): Promise<ChaosObject> {
  return (await kube.call(`${where(ref)} could not be created`, (o) =>
    kube.custom.createNamespacedCustomObject(
      { group: GROUP, version: VERSION, namespace: ref.namespace, plural: ref.plural, body },
      o,
    ),
  )) as ChaosObject;
}

/** The object, or null once it is gone (404). */
export async function readObject(kube: Kube, ref: Ref): Promise<ChaosObject | null> {
  try {
    return (await kube.call(`${where(ref)} could not be read`, (o) =>
      kube.custom.getNamespacedCustomObject(
        { group: GROUP, version: VERSION, namespace: ref.namespace, plural: ref.plural, name: ref.name },
        o,
      ),
    )) as ChaosObject;
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 404) return null;
    throw err;
  }
}

/**
 * Objects of one kind with the labels, in a namespace or (namespace undefined) in all. A kind whose
 * definition is not installed (404) has no objects.
 */
export async function listObjects(
  kube: Kube,
  kind: { kind: string; plural: string },
  namespace: string | undefined,
  labelSelector: string,
): Promise<ChaosObject[]> {
  const what = `${kind.kind} objects ${namespace ? `in namespace ${namespace}` : "in all namespaces"} could not be listed`;
  try {
    const list = (await kube.call(what, (o) =>
      namespace === undefined
        ? kube.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: kind.plural, labelSelector }, o)
        : kube.custom.listNamespacedCustomObject(
            { group: GROUP, version: VERSION, namespace, plural: kind.plural, labelSelector },
            o,
          ),
    )) as { items?: ChaosObject[] };
    return (list.items ?? []).map((item) => ({ ...item, kind: item.kind ?? kind.kind }));
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 404) return [];
    throw err;
  }
}

/** Sets (true) or removes (false) the pause annotation; Chaos Mesh pauses or resumes the fault. */
export async function setPaused(kube: Kube, ref: Ref, paused: boolean): Promise<void> {
  const body = { metadata: { annotations: { [PAUSE_ANNOTATION]: paused ? "true" : null } } };
  await kube.call(
    `${where(ref)} could not be ${paused ? "paused" : "resumed"}`,
    (o) =>
      kube.custom.patchNamespacedCustomObject(
        { group: GROUP, version: VERSION, namespace: ref.namespace, plural: ref.plural, name: ref.name, body },
        o,
      ),
    PATCH.merge,
  );
}

/** Asks for the deletion (Chaos Mesh recovers, then lets it go); false when it was already gone. */
export async function deleteObject(kube: Kube, ref: Ref): Promise<boolean> {
  try {
    await kube.call(`${where(ref)} could not be deleted`, (o) =>
      kube.custom.deleteNamespacedCustomObject(
        { group: GROUP, version: VERSION, namespace: ref.namespace, plural: ref.plural, name: ref.name },
        o,
      ),
    );
    return true;
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 404) return false;
    throw err;
  }
}

/** The Events Chaos Mesh recorded about the object (`kubectl describe`), oldest first. */
export async function objectEvents(kube: Kube, ref: Ref): Promise<string[]> {
  const fieldSelector = `involvedObject.name=${ref.name},involvedObject.kind=${ref.kind}`;
  const list = await kube.call(`events of ${where(ref)} could not be listed`, (o) =>
    kube.core.listNamespacedEvent({ namespace: ref.namespace, fieldSelector }, o),
  );
  return list.items.map((e) => `${e.type ?? "Normal"} ${e.reason ?? ""}: ${e.message ?? ""}`.trim());
}

export const condition = (obj: ChaosObject | null, type: string): string | undefined =>
  obj?.status?.conditions?.find((c) => c.type === type)?.status;

/** `Selected=False, AllInjected=False, AllRecovered=False, Paused=False` (or that none are reported yet). */
export function describeConditions(obj: ChaosObject | null): string {
  const list = obj?.status?.conditions ?? [];
  if (!list.length) return "no conditions reported yet";
  return list.map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ""}`).join(", ");
}

/** The targets Chaos Mesh selected (its records), e.g. `default/web-show-7d9f`. */
export const targetsOf = (obj: ChaosObject | null): string[] =>
  (obj?.status?.experiment?.containerRecords ?? []).map((r) => r.id);
