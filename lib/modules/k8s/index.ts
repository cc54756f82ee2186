/**
 * The `k8s` module, also registered as `istio` (in Kallisti both namespaces map to the same
 * module): Kallisti/chaostoolkit-kubernetes and chaostoolkit-istio action names and arguments,
 * run with @kubernetes/client-node. Cluster access per step: see cluster.ts.
 */
import type { ModuleDef } from "../types";
import { deploymentActions } from "./deployments";
import { istioActions } from "./istio";
import { nodeActions } from "./nodes";
import { podActions } from "./pods";

export const k8s: ModuleDef = {
  description:
    "Kubernetes and Istio chaos: terminate pods, scale, restart or delete deployments, cordon and drain nodes, inject Istio faults, and probe their health.",
  actions: { ...podActions, ...deploymentActions, ...nodeActions, ...istioActions },
};
