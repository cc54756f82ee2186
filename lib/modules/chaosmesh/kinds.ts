/**
 * The chaos kinds Eris runs, each with its spec as Chaos Mesh defines it (api/v1alpha1/*_types.go):
 * the fields, the values an enum allows, and the block each action needs. `check` adds the rules
 * Chaos Mesh's webhook and controller apply across fields; `oneShot` says when a fault happens once
 * and has nothing to hold (Chaos Mesh's IsOneShot: pod-kill, container-kill).
 */
import { z } from "zod";
import { networkChaos } from "./network-chaos";
import { containerSelector, durationArg, goDuration, podSelector, remoteClusterArg, requireBlock } from "./selector";

type Spec = Record<string, unknown>;
export type KindDef = {
  kind: string;
  /** The resource's plural (Chaos Mesh's CRDs use the kind in lower case). */
  plural: string;
  /** The action's name in the chaosmesh module. */
  action: string;
  /** The key of the kind's spec in a Schedule (`networkChaos`). */
  scheduleKey: string;
  description: string;
  shape: z.ZodRawShape;
  check: (spec: Spec, ctx: z.RefinementCtx) => void;
  oneShot: (spec: Spec) => boolean;
};

const never = () => false;

const podChaos: KindDef = {
  kind: "PodChaos",
  plural: "podchaos",
  action: "pod_chaos",
  scheduleKey: "podChaos",
  description: "Kills pods or containers, or makes pods fail for a while (pod-kill, container-kill, pod-failure)",
  shape: {
    ...containerSelector,
    action: z.enum(["pod-kill", "pod-failure", "container-kill"]).describe("pod-kill, pod-failure or container-kill"),
    gracePeriod: z.number().int().min(0).optional().describe("pod-kill: seconds before the pod is deleted (default 0)"),
    duration: durationArg.optional(),
    remoteCluster: remoteClusterArg,
  },
  check: (spec, ctx) => {
    if (spec.action === "pod-failure" && spec.duration === undefined) {
      ctx.addIssue({ code: "custom", path: ["duration"], message: "duration is required when action is pod-failure" });
    }
    if (spec.action === "container-kill" && !(Array.isArray(spec.containerNames) && spec.containerNames.length)) {
      ctx.addIssue({
        code: "custom",
        path: ["containerNames"],
        message: "containerNames is required when action is container-kill",
      });
    }
  },
  oneShot: (spec) => spec.action === "pod-kill" || spec.action === "container-kill",
};

const stressChaos: KindDef = {
  kind: "StressChaos",
  plural: "stresschaos",
  action: "stress_chaos",
  scheduleKey: "stressChaos",
  description: "Burns CPU or memory inside the selected containers (stress-ng)",
  shape: {
    ...containerSelector,
    stressors: z
      .strictObject({
        cpu: z
          .strictObject({
            workers: z.number().int().min(1).max(8192),
            load: z.number().int().min(0).max(100).optional(),
            options: z.array(z.string()).optional(),
          })
          .optional(),
        memory: z
          .strictObject({
            workers: z.number().int().min(1).max(8192),
            size: z.string().optional().describe('e.g. "256MB" or "50%"'),
            oomScoreAdj: z.number().int().min(-1000).max(1000).optional(),
            options: z.array(z.string()).optional(),
          })
          .optional(),
      })
      .optional()
      .describe('{"cpu": {"workers": 1, "load": 80}, "memory": {"workers": 1, "size": "256MB"}}'),
    stressngStressors: z.string().optional().describe("stress-ng options, instead of stressors"),
    duration: durationArg.optional(),
    remoteCluster: remoteClusterArg,
  },
  check: (spec, ctx) => {
    const stressors = (spec.stressors ?? {}) as Spec;
    if (stressors.cpu === undefined && stressors.memory === undefined && !spec.stressngStressors) {
      ctx.addIssue({
        code: "custom",
        path: ["stressors"],
        message: "stressors (cpu or memory) or stressngStressors is required",
      });
    }
  },
  oneShot: never,
};

const IO_METHODS =
  "lookup forget getattr setattr readlink mknod mkdir unlink rmdir symlink rename link open read write flush release fsync opendir readdir releasedir fsyncdir statfs setxattr getxattr listxattr removexattr access create getlk setlk bmap".split(
    " ",
  );

const ioChaos: KindDef = {
  kind: "IOChaos",
  plural: "iochaos",
  action: "io_chaos",
  scheduleKey: "ioChaos",
  description: "File-system faults in a volume of the selected containers: latency, errors, wrong attributes or data",
  shape: {
    ...containerSelector,
    action: z.enum(["latency", "fault", "attrOverride", "mistake"]).describe("latency, fault, attrOverride or mistake"),
    volumePath: z.string().min(1).describe("Mount path of the volume, e.g. /var/run/etcd"),
    path: z.string().optional().describe("Files affected (a glob), e.g. /var/run/etcd/**/*"),
    delay: goDuration("delay").optional().describe('For latency: e.g. "100ms"'),
    errno: z.number().int().min(0).optional().describe("For fault: the error number returned, e.g. 5 (EIO)"),
    attr: z.record(z.string(), z.unknown()).optional().describe('For attrOverride: e.g. {"perm": 72}'),
    mistake: z
      .strictObject({
        filling: z.enum(["zero", "random"]).optional(),
        maxOccurrences: z.number().int().min(1).optional(),
        maxLength: z.number().int().min(1).optional(),
      })
      .optional()
      .describe('For mistake: {"filling": "zero", "maxOccurrences": 1, "maxLength": 10}'),
    methods: z
      .array(z.enum(IO_METHODS as [string, ...string[]]))
      .optional()
      .describe("I/O methods, e.g. [read, write]"),
    percent: z.number().int().min(0).max(100).optional().describe("Percent of operations affected (default 100)"),
    duration: durationArg.optional(),
    remoteCluster: remoteClusterArg,
  },
  check: (spec, ctx) => {
    const needs: Record<string, string> = {
      latency: "delay",
      fault: "errno",
      attrOverride: "attr",
      mistake: "mistake",
    };
    const block = needs[String(spec.action)];
    if (block) requireBlock(spec, block, `when action is ${spec.action}`, ctx);
  },
  oneShot: never,
};

const timeChaos: KindDef = {
  kind: "TimeChaos",
  plural: "timechaos",
  action: "time_chaos",
  scheduleKey: "timeChaos",
  description: "Shifts the clock of the selected containers",
  shape: {
    ...containerSelector,
    timeOffset: z
      .string()
      .regex(/^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'timeOffset must be a signed duration such as "-10m" or "1h"')
      .describe('How far the clock moves, e.g. "-10m"'),
    clockIds: z.array(z.string()).optional().describe('Clocks affected (default ["CLOCK_REALTIME"])'),
    duration: durationArg.optional(),
    remoteCluster: remoteClusterArg,
  },
  check: () => {},
  oneShot: never,
};

const dnsChaos: KindDef = {
  kind: "DNSChaos",
  plural: "dnschaos",
  action: "dns_chaos",
  scheduleKey: "dnsChaos",
  description: "DNS answers for the selected pods fail or return random addresses",
  shape: {
    ...containerSelector,
    action: z.enum(["error", "random"]).describe("error or random"),
    patterns: z
      .array(z.string())
      .optional()
      .describe('Domains affected, e.g. ["google.com", "chaos-mes?.org", "github.*"]'),
    duration: durationArg.optional(),
    remoteCluster: remoteClusterArg,
  },
  check: () => {},
  oneShot: never,
};

const httpChaos: KindDef = {
  kind: "HTTPChaos",
  plural: "httpchaos",
  action: "http_chaos",
  scheduleKey: "httpChaos",
  description: "Aborts, delays, replaces or patches HTTP requests or responses of the selected pods",
  shape: {
    ...podSelector,
    target: z.enum(["Request", "Response"]).describe("Request or Response"),
    port: z.number().int().min(1).max(65535).describe("The port the pods serve HTTP on"),
    path: z.string().optional().describe("URI path rule, e.g. /api/*"),
    method: z.string().optional().describe("HTTP method rule, e.g. GET"),
    code: z.number().int().optional().describe("Response status rule"),
    request_headers: z.record(z.string(), z.string()).optional(),
    response_headers: z.record(z.string(), z.string()).optional(),
    abort: z.boolean().optional().describe("Abort the connection"),
    delay: goDuration("delay").optional().describe('Delay, e.g. "10s"'),
    replace: z.record(z.string(), z.unknown()).optional().describe('e.g. {"code": 503}'),
    patch: z.record(z.string(), z.unknown()).optional().describe('e.g. {"headers": [["X-Chaos", "1"]]}'),
    tls: z.record(z.string(), z.unknown()).optional(),
    duration: durationArg.optional(),
    remoteCluster: remoteClusterArg,
  },
  check: (spec, ctx) => {
    if (!["abort", "delay", "replace", "patch"].some((a) => spec[a] !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["abort"], message: "one of abort, delay, replace or patch is required" });
    }
  },
  oneShot: never,
};

export const KINDS: KindDef[] = [podChaos, networkChaos, stressChaos, ioChaos, timeChaos, dnsChaos, httpChaos];

export const kindNamed = (kind: string): KindDef | undefined => KINDS.find((k) => k.kind === kind);
