/**
 * Auto-scaling groups (chaostoolkit-aws `chaosaws.asg.actions`): suspend and resume processes,
 * terminate, stop or detach random in-service instances, and (an Eris addition, for rollbacks) set
 * the desired capacity. Groups are named by `asg_names` or matched by `tags`; probes: asg-probes.ts.
 */
import type { AutoScalingGroup } from "@aws-sdk/client-auto-scaling";
import { z } from "zod";
import { sample } from "../k8s/common";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { exactlyOne, percentOf, tagsArg } from "./args";
import { ec2 } from "./ec2";
import { type ConnectionArgs, awsArgs, connect, json, plain } from "./session";

/** An Auto Scaling client for one step (the SDK package is loaded on first use). */
export async function autoscaling(args: ConnectionArgs, ctx: ActionContext) {
  return connect("autoscaling", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-auto-scaling");
    return { sdk, make: (c) => new sdk.AutoScalingClient(c) };
  });
}
export type Asg = Awaited<ReturnType<typeof autoscaling>>;

export type GroupSelector = { asg_names?: string[]; tags?: { Key: string; Value: string }[] };

export const asgNamesArg = z.array(z.string().min(1)).min(1).describe("Auto-scaling group names");
export const selectorArgs = { asg_names: asgNamesArg.optional(), tags: tagsArg.optional() };
export const oneSelector = exactlyOne(["asg_names", "tags"], "give asg_names or tags (one of them)");

async function describeGroups(aws: Asg, names?: string[]): Promise<AutoScalingGroup[]> {
  const found: AutoScalingGroup[] = [];
  let NextToken: string | undefined;
  do {
    const page = await aws.call("describe auto-scaling groups", (o) =>
      aws.client.send(new aws.sdk.DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: names, NextToken }), o),
    );
    found.push(...(page.AutoScalingGroups ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return found;
}

/** The named groups (all of them must exist), or every group carrying all the tags. */
export async function findGroups(aws: Asg, sel: GroupSelector): Promise<AutoScalingGroup[]> {
  if (sel.asg_names?.length) {
    const groups = await describeGroups(aws, sel.asg_names);
    const missing = sel.asg_names.filter((n) => !groups.some((g) => g.AutoScalingGroupName === n));
    if (missing.length) throw new FailedAction(`No ASG(s) found with name(s): ${missing.join(", ")}`);
    return groups;
  }
  const wanted = sel.tags ?? [];
  const groups = (await describeGroups(aws)).filter((g) =>
    wanted.every((t) => (g.Tags ?? []).some((gt) => gt.Key === t.Key && gt.Value === t.Value)),
  );
  if (!groups.length) throw new FailedAction(`No ASG(s) found with matching tag(s): ${JSON.stringify(wanted)}`);
  return groups;
}

const groupName = (g: AutoScalingGroup) => g.AutoScalingGroupName ?? "";

/** Healthy in-service instances equal the desired capacity, in every group. */
export const desiredEqualsHealthy = (groups: AutoScalingGroup[]) =>
  groups.every(
    (g) =>
      (g.Instances ?? []).filter((i) => i.LifecycleState === "InService" && i.HealthStatus === "Healthy").length ===
      g.DesiredCapacity,
  );

const PROCESSES = [
  "Launch",
  "Terminate",
  "HealthCheck",
  "ReplaceUnhealthy",
  "AZRebalance",
  "AlarmNotification",
  "ScheduledActions",
  "AddToLoadBalancer",
  "InstanceRefresh",
] as const;
export const processNamesArg = z.array(z.enum(PROCESSES)).min(1).describe("Scaling processes (default: all of them)");

type Pick = { instance_count?: number; instance_percent?: number; az?: string };
const pickArgs = {
  instance_count: z.number().int().min(1).optional().describe("How many in-service instances per group"),
  instance_percent: z.number().min(0).max(100).optional().describe("Which percentage of them (rounded down)"),
  az: z.string().min(1).optional().describe("Every in-service instance in this availability zone"),
};

/** The in-service instances of `g` to act on, sorted (chaostoolkit's choice and messages). */
function pickInstances(g: AutoScalingGroup, p: Pick, verb: string): string[] {
  let ids = (g.Instances ?? []).filter((i) => i.LifecycleState === "InService");
  if (p.az) {
    ids = ids.filter((i) => i.AvailabilityZone === p.az);
    if (!ids.length) throw new FailedAction(`No instances found in Availability Zone: ${p.az}`);
    return ids.map((i) => i.InstanceId ?? "").sort();
  }
  const n = p.instance_percent !== undefined ? percentOf(ids.length, p.instance_percent) : (p.instance_count ?? 0);
  if (ids.length < n) {
    throw new FailedAction(
      `Not enough healthy instances in ${groupName(g)} to satisfy ${verb} count ${n} (${ids.length})`,
    );
  }
  return sample(ids, n)
    .map((i) => i.InstanceId ?? "")
    .sort();
}

const withProcesses = (verb: "suspend" | "resume") =>
  defineAction({
    description: `${verb === "suspend" ? "Suspends" : "Resumes"} scaling processes (all of them unless \`process_names\` says which) of the groups; returns the groups as described afterwards.`,
    args: awsArgs({ ...selectorArgs, process_names: processNamesArg.optional() }).refine(...oneSelector),
    run: async (a, ctx) => {
      const aws = await autoscaling(a, ctx);
      const names = (await findGroups(aws, a)).map(groupName);
      for (const AutoScalingGroupName of names) {
        const input = { AutoScalingGroupName, ScalingProcesses: a.process_names };
        await aws.call(`${verb} processes of ${AutoScalingGroupName}`, (o) =>
          aws.client.send(
            verb === "suspend" ? new aws.sdk.SuspendProcessesCommand(input) : new aws.sdk.ResumeProcessesCommand(input),
            o,
          ),
        );
      }
      return { AutoScalingGroups: json(await describeGroups(aws, names)) };
    },
  });

/** Terminates or stops random in-service instances of each group through EC2. */
const disturbInstances = (verb: "terminate" | "stop") =>
  defineAction({
    description: `${verb === "stop" ? "Stops" : "Terminates"} random in-service instances of each group: \`instance_count\`, \`instance_percent\` or all of those in \`az\`.`,
    args: awsArgs({
      ...selectorArgs,
      ...pickArgs,
      ...(verb === "stop" ? { force: z.boolean().default(false).describe("Force the stop") } : {}),
    })
      .refine(...oneSelector)
      .refine(...exactlyOne(["instance_count", "instance_percent", "az"])),
    run: async (a, ctx) => {
      const groups = await findGroups(await autoscaling(a, ctx), a);
      const compute = await ec2(a, ctx);
      const results = [];
      for (const g of groups) {
        const InstanceIds = pickInstances(g, a, verb);
        ctx.log(`${groupName(g)}: ${verb === "stop" ? "stopping" : "terminating"} ${InstanceIds.join(", ")}`);
        if (verb === "stop") {
          const out = await compute.call(`stop instances of ${groupName(g)}`, (o) =>
            compute.client.send(new compute.sdk.StopInstancesCommand({ InstanceIds, Force: Boolean(a.force) }), o),
          );
          results.push({ AutoScalingGroupName: groupName(g), StoppingInstances: plain(out).StoppingInstances });
        } else {
          const out = await compute.call(`terminate instances of ${groupName(g)}`, (o) =>
            compute.client.send(new compute.sdk.TerminateInstancesCommand({ InstanceIds }), o),
          );
          results.push({ AutoScalingGroupName: groupName(g), TerminatingInstances: plain(out).TerminatingInstances });
        }
      }
      return results;
    },
  });

const detach_random_instances = defineAction({
  description:
    "Detaches random in-service instances from each group (`instance_count` or `instance_percent`); with `decrement_capacity` the desired capacity drops too, so nothing replaces them.",
  args: awsArgs({
    ...selectorArgs,
    instance_count: pickArgs.instance_count,
    instance_percent: pickArgs.instance_percent,
    decrement_capacity: z.boolean().default(false).describe("Lower the desired capacity by the detached count"),
  })
    .refine(...oneSelector)
    .refine(...exactlyOne(["instance_count", "instance_percent"])),
  run: async (a, ctx) => {
    const aws = await autoscaling(a, ctx);
    const result: {
      Activities: unknown[];
      DetachingInstances: { AutoScalingGroupName: string; InstanceIds: string[] }[];
    } = { Activities: [], DetachingInstances: [] };
    for (const g of await findGroups(aws, a)) {
      const InstanceIds = pickInstances(g, a, "detach");
      const out = await aws.call(`detach instances from ${groupName(g)}`, (o) =>
        aws.client.send(
          new aws.sdk.DetachInstancesCommand({
            AutoScalingGroupName: groupName(g),
            InstanceIds,
            ShouldDecrementDesiredCapacity: a.decrement_capacity,
          }),
          o,
        ),
      );
      result.Activities.push(...(plain(out).Activities ?? []));
      result.DetachingInstances.push({ AutoScalingGroupName: groupName(g), InstanceIds });
    }
    return result;
  },
});

const set_desired_capacity = defineAction({
  description:
    "Sets the groups' desired capacity (an Eris addition: the rollback for detach_random_instances with decrement_capacity); returns the groups as described afterwards.",
  args: awsArgs({
    ...selectorArgs,
    desired_capacity: z.number().int().min(0).describe("Wanted number of instances"),
    honor_cooldown: z.boolean().default(false).describe("Wait for the group's cooldown period"),
  }).refine(...oneSelector),
  run: async (a, ctx) => {
    const aws = await autoscaling(a, ctx);
    const names = (await findGroups(aws, a)).map(groupName);
    for (const AutoScalingGroupName of names) {
      await aws.call(`set desired capacity of ${AutoScalingGroupName}`, (o) =>
        aws.client.send(
          new aws.sdk.SetDesiredCapacityCommand({
            AutoScalingGroupName,
            DesiredCapacity: a.desired_capacity,
            HonorCooldown: a.honor_cooldown,
          }),
          o,
        ),
      );
    }
    return { AutoScalingGroups: json(await describeGroups(aws, names)) };
  },
});

export const asgActions: Record<string, ActionDef> = {
  suspend_processes: withProcesses("suspend"),
  resume_processes: withProcesses("resume"),
  terminate_random_instances: disturbInstances("terminate"),
  stop_random_instances: disturbInstances("stop"),
  detach_random_instances,
  set_desired_capacity,
};
