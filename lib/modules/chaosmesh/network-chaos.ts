/** NetworkChaos's spec (api/v1alpha1/networkchaos_types.go, TcParameter), the largest of the kinds. */
import { z } from "zod";
import type { KindDef } from "./kinds";
import { durationArg, goDuration, podSelector, remoteClusterArg, requireBlock } from "./selector";

const percentString = z.string().regex(/^\d+(\.\d+)?$/, 'a percentage such as "25"');
const correlation = percentString.optional().describe('Correlation with the previous packet, percent, e.g. "25"');

export const networkChaos: KindDef = {
  kind: "NetworkChaos",
  plural: "networkchaos",
  action: "network_chaos",
  scheduleKey: "networkChaos",
  description:
    "Network faults on the selected pods: delay, loss, duplication, corruption, bandwidth limits or a partition",
  shape: {
    ...podSelector,
    action: z
      .enum(["netem", "delay", "loss", "duplicate", "corrupt", "partition", "bandwidth"])
      .describe("The network fault"),
    delay: z
      .strictObject({
        latency: goDuration("latency").describe('e.g. "100ms"'),
        correlation,
        jitter: goDuration("jitter").optional().describe('e.g. "10ms"'),
        reorder: z.strictObject({ reorder: percentString, correlation, gap: z.number().int() }).optional(),
      })
      .optional()
      .describe('For action delay (or netem): {"latency": "100ms", "correlation": "100", "jitter": "0ms"}'),
    loss: z.strictObject({ loss: percentString, correlation }).optional().describe('{"loss": "25"}'),
    duplicate: z.strictObject({ duplicate: percentString, correlation }).optional().describe('{"duplicate": "40"}'),
    corrupt: z.strictObject({ corrupt: percentString, correlation }).optional().describe('{"corrupt": "40"}'),
    bandwidth: z
      .strictObject({
        rate: z.string().regex(/^\d+\s*(bit|kbit|mbit|gbit|tbit|bps|kbps|mbps|gbps|tbps)$/i, 'a rate such as "1mbps"'),
        limit: z.number().int().min(1),
        buffer: z.number().int().min(1),
        peakrate: z.number().int().min(0).optional(),
        minburst: z.number().int().min(0).optional(),
      })
      .optional()
      .describe('For action bandwidth: {"rate": "1mbps", "limit": 20971520, "buffer": 10000}'),
    rate: z.strictObject({ rate: z.string() }).optional(),
    direction: z.enum(["to", "from", "both"]).optional().describe("Traffic direction (default to)"),
    target: z.strictObject(podSelector).optional().describe("The other end: pods selected like the targets"),
    externalTargets: z.array(z.string()).optional().describe("Addresses or domains outside the cluster"),
    device: z.string().optional(),
    targetDevice: z.string().optional(),
    duration: durationArg.optional(),
    remoteCluster: remoteClusterArg,
  },
  check: (spec, ctx) => {
    const action = String(spec.action);
    if (["delay", "loss", "duplicate", "corrupt", "bandwidth"].includes(action)) {
      requireBlock(spec, action, `when action is ${action}`, ctx);
    }
    if (action === "netem" && !["delay", "loss", "duplicate", "corrupt", "rate"].some((b) => spec[b] !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["action"],
        message: "netem needs at least one of delay, loss, duplicate, corrupt, rate",
      });
    }
    const outward = spec.direction === "from" || spec.direction === "both";
    if (outward && action !== "partition" && spec.target === undefined) {
      ctx.addIssue({ code: "custom", path: ["direction"], message: `direction ${spec.direction} needs a target` });
    }
  },
  oneShot: () => false,
};
