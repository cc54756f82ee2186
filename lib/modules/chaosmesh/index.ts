/**
 * The `chaosmesh` module: Chaos Mesh's chaos kinds as steps (chaos-mesh.org/v1alpha1 custom objects
 * through @kubernetes/client-node; cluster access as for the k8s module), probes over the objects
 * Eris created, and a cleanup that deletes every object of a trial whatever ends it.
 */
import type { ModuleDef } from "../types";
import { chaosActions } from "./actions";
import { cleanupChaos } from "./cleanup";
import { KINDS } from "./kinds";
import { probeActions } from "./probes";

export const chaosmesh: ModuleDef = {
  description:
    "Chaos Mesh faults as steps: pod, network, stress, I/O, time, DNS and HTTP chaos, held for their duration and paused by PAUSE; probes over the objects Eris created.",
  actions: { ...chaosActions, ...probeActions },
  // A Chaos Mesh kind names its action too: chaosmesh.NetworkChaos is chaosmesh.network_chaos.
  resolveName: (name) => {
    const def = KINDS.find((k) => k.kind === name);
    return def ? { name: def.action } : null;
  },
  cleanup: cleanupChaos,
};
