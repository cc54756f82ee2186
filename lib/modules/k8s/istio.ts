/**
 * Istio fault injection (chaostoolkit-istio 0.4 chaosistio.fault.*): reads a VirtualService, sets or
 * removes the `fault` block of every http entry routing to one of the given destinations, and
 * writes spec.http back with a JSON merge patch (custom resources take no strategic merge).
 *
 * Results keep chaostoolkit's `{status, body}` shape (experiments check `$.status`) and add `spec`,
 * the updated VirtualService spec. A missing VirtualService fails the step (chaostoolkit raised too).
 */

import { z } from "zod";
import { type ActionDef, FailedAction, defineAction } from "../types";
import { type Kube, PATCH, clusterArgs, connect } from "./cluster";
import { nsArg } from "./common";

const PLURAL = "virtualservices";

type JsonObject = Record<string, unknown>;
type Destination = { host: string; subset?: string };
type VirtualService = { metadata?: JsonObject; spec?: { http?: JsonObject[] } & JsonObject } & JsonObject;

const destination = z.looseObject({
  host: z.string().min(1).describe("Destination host, e.g. reviews.prod.svc.cluster.local"),
  subset: z.string().optional().describe("Destination subset"),
});
const routesArg = z
  .array(z.looseObject({ destination: destination.optional() }))
  .min(1)
  .describe(
    'Routes whose destination (host and subset) selects the http entries, e.g. [{"destination": {"host": "reviews", "subset": "v1"}}]',
  );

const baseArgs = {
  ...clusterArgs,
  virtual_service_name: z.string().min(1).describe("VirtualService name"),
  ns: nsArg,
  version: z
    .string()
    .regex(/^[^/]+\/[^/]+$/, 'version must be "<group>/<version>", e.g. networking.istio.io/v1alpha3')
    .default("networking.istio.io/v1alpha3")
    .describe("API group/version of the VirtualService"),
};
const percentageArg = z.number().min(0).max(100).optional().describe("Percent of requests affected (all when absent)");

const apiOf = (version: string) => {
  const [group, v] = version.split("/");
  return { group, version: v };
};

async function getVirtualService(kube: Kube, name: string, ns: string, version: string): Promise<VirtualService> {
  const vs: unknown = await kube.call(`Virtual Service '${name}' could not be read`, (o) =>
    kube.custom.getNamespacedCustomObject({ ...apiOf(version), namespace: ns, plural: PLURAL, name }, o),
  );
  return vs as VirtualService;
}

const key = (d: Destination) => `${d.host}\u0000${d.subset ?? ""}`;

/**
 * Applies `edit` to every http entry with a route to one of the destinations (chaostoolkit:
 * `(host, subset)` pairs; a route without a subset only matches routes without one). Fails when
 * none matches: a fault that lands nowhere is a mistake in the experiment, not a success.
 */
async function editFaults(
  kube: Kube,
  args: { virtual_service_name: string; ns: string; version: string; routes: { destination?: Destination }[] },
  edit: (entry: JsonObject) => void,
) {
  const name = args.virtual_service_name;
  const vs = await getVirtualService(kube, name, args.ns, args.version);
  const wanted = new Set(args.routes.flatMap((r) => (r.destination ? [key(r.destination)] : [])));
  const http = structuredClone(vs.spec?.http ?? []);
  let matched = 0;
  for (const entry of http) {
    const routes = Array.isArray(entry.route) ? (entry.route as { destination?: Destination }[]) : [];
    if (routes.some((r) => r.destination?.host && wanted.has(key(r.destination)))) {
      edit(entry);
      matched++;
    }
  }
  if (matched === 0) {
    const targets = args.routes.flatMap((r) =>
      r.destination
        ? [r.destination.subset ? `${r.destination.host} (subset ${r.destination.subset})` : r.destination.host]
        : [],
    );
    throw new FailedAction(
      `No http route of Virtual Service '${name}' goes to ${targets.join(", ") || "the given routes"}`,
    );
  }
  const body = { apiVersion: args.version, kind: "VirtualService", metadata: { name }, spec: { http } };
  const updated = (await kube.call(
    `Virtual Service '${name}' could not be patched`,
    (o) =>
      kube.custom.patchNamespacedCustomObject(
        { ...apiOf(args.version), namespace: args.ns, plural: PLURAL, name, body },
        o,
      ),
    PATCH.merge,
  )) as VirtualService;
  return { status: 200, body: updated, spec: updated.spec ?? {} };
}

const setFaultArgs = z.object({
  ...baseArgs,
  routes: routesArg,
  fault: z.record(z.string(), z.unknown()).describe('Istio HTTPFaultInjection, e.g. {"delay": {"fixedDelay": "5s"}}'),
});
const unsetFaultArgs = z.object({ ...baseArgs, routes: routesArg });

const set_fault = defineAction({
  description: "Sets (or replaces) the fault injection of the VirtualService's http entries that route to `routes`.",
  args: setFaultArgs,
  run: async (args, ctx) =>
    editFaults(await connect(args, ctx), args, (entry) => {
      entry.fault = args.fault;
    }),
});

const unset_fault = defineAction({
  description: "Removes the fault injection from the VirtualService's http entries that route to `routes`.",
  args: unsetFaultArgs,
  run: async (args, ctx) =>
    editFaults(await connect(args, ctx), args, (entry) => {
      delete entry.fault;
    }),
});

const withPercentage = (fault: JsonObject, percentage: number | undefined) =>
  percentage === undefined ? fault : { ...fault, percentage: { value: percentage } };

const add_delay_fault = defineAction({
  description: "Delays requests to `routes` by `fixed_delay` (all of them, or `percentage` percent).",
  args: z.object({
    ...baseArgs,
    fixed_delay: z
      .string()
      .regex(/^\d+(\.\d+)?(h|m|s|ms)$/, 'fixed_delay must be a duration such as "5s" or "200ms"')
      .describe('Delay, e.g. "5s"'),
    routes: routesArg,
    percentage: percentageArg,
  }),
  run: async (args, ctx) => {
    const delay = withPercentage({ fixedDelay: args.fixed_delay }, args.percentage);
    return editFaults(await connect(args, ctx), args, (entry) => {
      entry.fault = { delay };
    });
  },
});

const add_abort_fault = defineAction({
  description: "Answers requests to `routes` with `http_status` (all of them, or `percentage` percent).",
  args: z.object({
    ...baseArgs,
    http_status: z.number().int().min(100).max(599).describe("HTTP status returned, e.g. 503"),
    routes: routesArg,
    percentage: percentageArg,
  }),
  run: async (args, ctx) => {
    const abort = withPercentage({ httpStatus: args.http_status }, args.percentage);
    return editFaults(await connect(args, ctx), args, (entry) => {
      entry.fault = { abort };
    });
  },
});

const get_virtual_service = defineAction({
  description: "Reads a VirtualService; returns {status, body, spec}.",
  args: z.object(baseArgs),
  run: async (args, ctx) => {
    const vs = await getVirtualService(await connect(args, ctx), args.virtual_service_name, args.ns, args.version);
    return { status: 200, body: vs, spec: vs.spec ?? {} };
  },
});

/**
 * chaostoolkit-istio's remove_delay_fault/remove_abort_fault drop the whole fault block; these
 * drop only their own kind and keep e.g. an abort next to the removed delay.
 */
const removeFaultKind = (kind: "delay" | "abort", description: string) =>
  defineAction({
    description,
    args: unsetFaultArgs,
    run: async (args, ctx) =>
      editFaults(await connect(args, ctx), args, (entry) => {
        if (typeof entry.fault !== "object" || entry.fault === null) return;
        const { [kind]: _removed, ...rest } = entry.fault as JsonObject;
        if (Object.keys(rest).length > 0) entry.fault = rest;
        else delete entry.fault;
      }),
  });

export const istioActions: Record<string, ActionDef> = {
  set_fault,
  unset_fault,
  add_delay_fault,
  add_abort_fault,
  remove_delay_fault: removeFaultKind("delay", "Removes the delay fault from the http entries that route to `routes`."),
  remove_abort_fault: removeFaultKind("abort", "Removes the abort fault from the http entries that route to `routes`."),
  get_virtual_service,
};
