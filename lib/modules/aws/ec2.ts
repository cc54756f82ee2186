/**
 * EC2 (chaostoolkit-aws `chaosaws.ec2`): stop, start, terminate and restart instances picked by
 * ids, filters or availability zone (optionally a random `count` of them), and the instance probes.
 * Instances already terminated or shutting down are never picked by filters or zone.
 */
import type { DescribeInstancesCommandInput, Instance, Reservation } from "@aws-sdk/client-ec2";
import { z } from "zod";
import { sample } from "../k8s/common";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { atLeastOne, filtersArg } from "./args";
import { type ConnectionArgs, awsArgs, connect, plain } from "./session";

/** An EC2 client for one step (the SDK package is loaded on first use). */
export async function ec2(args: ConnectionArgs, ctx: ActionContext) {
  return connect("ec2", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-ec2");
    return { sdk, make: (c) => new sdk.EC2Client(c) };
  });
}
type Ec2 = Awaited<ReturnType<typeof ec2>>;

/** Every reservation DescribeInstances returns, across pages. */
async function describeReservations(aws: Ec2, input: DescribeInstancesCommandInput): Promise<Reservation[]> {
  const found: Reservation[] = [];
  let NextToken: string | undefined;
  do {
    const page = await aws.call("describe instances", (o) =>
      aws.client.send(new aws.sdk.DescribeInstancesCommand({ ...input, NextToken }), o),
    );
    found.push(...(page.Reservations ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return found;
}

/** Every instance DescribeInstances returns, across pages. */
export async function describeAll(aws: Ec2, input: DescribeInstancesCommandInput): Promise<Instance[]> {
  return (await describeReservations(aws, input)).flatMap((r) => r.Instances ?? []);
}

const GONE = ["terminated", "shutting-down"];

type Target = { instance_ids?: string[]; az?: string; filters?: { Name: string; Values: string[] }[]; count?: number };

/** The instance ids an action works on: the given ids, or the live instances the filters and zone match. */
async function pick(aws: Ec2, t: Target, ctx: ActionContext): Promise<string[]> {
  let ids = t.instance_ids ?? [];
  if (!ids.length) {
    // The zone is compared here rather than sent as an `availability-zone` filter: same result on
    // AWS, and emulators that mishandle that filter (moto 5) still agree.
    const live = (await describeAll(aws, { Filters: t.filters })).filter(
      (i) => !GONE.includes(i.State?.Name ?? "") && (!t.az || i.Placement?.AvailabilityZone === t.az),
    );
    ids = live.map((i) => i.InstanceId ?? "").filter(Boolean);
    if (!ids.length) {
      const matching = t.filters?.length ? ` matching filters ${JSON.stringify(t.filters)}` : "";
      throw new FailedAction(`No instances found${matching}${t.az ? ` in availability zone ${t.az}` : ""}`);
    }
  }
  if (t.count !== undefined) ids = sample(ids, t.count);
  ctx.log(`Instances picked: ${ids.join(", ")}`);
  return ids;
}

const instanceIds = z.array(z.string().min(1)).min(1).optional().describe('Instance ids, e.g. ["i-0abc"]');
const az = z.string().min(1).optional().describe("Availability zone: the instances in it (when no ids are given)");
const filters = filtersArg.optional();
const count = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe("Act on only this many of the matched instances, picked at random");
const force = z.boolean().default(false).describe("Force the stop (no clean OS shutdown)");
const which = ["instance_ids", "az", "filters"];
const whichOne = ["instance_id", "az", "filters"];
const many = <E extends z.ZodRawShape>(extra: E) =>
  awsArgs({ instance_ids: instanceIds, az, filters, count, ...extra }).refine(...atLeastOne(which));
const one = <E extends z.ZodRawShape>(extra: E) =>
  awsArgs({ instance_id: z.string().min(1).optional().describe("Instance id"), az, filters, ...extra }).refine(
    ...atLeastOne(whichOne),
  );
const single = (a: { instance_id?: string; az?: string; filters?: Target["filters"] }): Target => ({
  instance_ids: a.instance_id ? [a.instance_id] : undefined,
  az: a.az,
  filters: a.filters,
  count: 1,
});

async function stop(args: ConnectionArgs, t: Target, forced: boolean, ctx: ActionContext) {
  const aws = await ec2(args, ctx);
  const InstanceIds = await pick(aws, t, ctx);
  const out = await aws.call("stop instances", (o) =>
    aws.client.send(new aws.sdk.StopInstancesCommand({ InstanceIds, Force: forced }), o),
  );
  return [plain(out)];
}

async function terminate(args: ConnectionArgs, t: Target, ctx: ActionContext) {
  const aws = await ec2(args, ctx);
  const InstanceIds = await pick(aws, t, ctx);
  const out = await aws.call("terminate instances", (o) =>
    aws.client.send(new aws.sdk.TerminateInstancesCommand({ InstanceIds }), o),
  );
  return [plain(out)];
}

const actions = {
  stop_instance: defineAction({
    description: "Stops one instance: the given one, or one picked at random among those the filters or zone match.",
    args: one({ force }),
    run: (a, ctx) => stop(a, single(a), a.force, ctx),
  }),
  stop_instances: defineAction({
    description: "Stops the given instances, or every instance (or a random `count`) the filters or zone match.",
    args: many({ force }),
    run: (a, ctx) => stop(a, a, a.force, ctx),
  }),
  terminate_instance: defineAction({
    description: "Terminates one instance: the given one, or one picked at random among those matched.",
    args: one({}),
    run: (a, ctx) => terminate(a, single(a), ctx),
  }),
  terminate_instances: defineAction({
    description: "Terminates the given instances, or every instance (or a random `count`) the filters or zone match.",
    args: many({}),
    run: (a, ctx) => terminate(a, a, ctx),
  }),
  start_instances: defineAction({
    description: "Starts the given instances, or the matched ones; returns the StartingInstances list.",
    args: many({}),
    run: async (a, ctx) => {
      const aws = await ec2(a, ctx);
      const InstanceIds = await pick(aws, a, ctx);
      const out = await aws.call("start instances", (o) =>
        aws.client.send(new aws.sdk.StartInstancesCommand({ InstanceIds }), o),
      );
      return plain(out).StartingInstances ?? [];
    },
  }),
  restart_instances: defineAction({
    description: "Reboots the given instances, or the matched ones; returns the rebooted instance ids.",
    args: many({}),
    run: async (a, ctx) => {
      const aws = await ec2(a, ctx);
      const InstanceIds = await pick(aws, a, ctx);
      await aws.call("reboot instances", (o) =>
        aws.client.send(new aws.sdk.RebootInstancesCommand({ InstanceIds }), o),
      );
      return InstanceIds.map((InstanceId) => ({ InstanceId }));
    },
  }),
  describe_instances: defineAction({
    description: "DescribeInstances with the given filters (every page); returns the AWS response.",
    args: awsArgs({ filters: filtersArg.default([]) }),
    run: async (a, ctx) =>
      plain({ Reservations: await describeReservations(await ec2(a, ctx), { Filters: a.filters }) }),
  }),
  count_instances: defineAction({
    description: "The number of instances the filters match.",
    args: awsArgs({ filters: filtersArg }),
    run: async (a, ctx) => (await describeAll(await ec2(a, ctx), { Filters: a.filters })).length,
  }),
  count_min_instances: defineAction({
    description: "True when at least `min_count` instances match the filters.",
    args: awsArgs({
      filters: filtersArg,
      min_count: z.number().int().min(0).default(0).describe("Fewest instances wanted"),
    }),
    run: async (a, ctx) => (await describeAll(await ec2(a, ctx), { Filters: a.filters })).length >= a.min_count,
  }),
  instance_state: defineAction({
    description:
      "True when every given (or matched) instance is in `state` (pending, running, stopping, stopped, ...).",
    args: awsArgs({
      state: z.string().min(1).describe("Wanted state, e.g. stopped"),
      instance_ids: instanceIds,
      filters,
    }).refine(...atLeastOne(["instance_ids", "filters"])),
    run: async (a, ctx) => {
      const input = a.instance_ids?.length ? { InstanceIds: a.instance_ids } : { Filters: a.filters };
      const found = await describeAll(await ec2(a, ctx), input);
      if (!found.length) throw new FailedAction(`No instances found for ${JSON.stringify(input)}`);
      ctx.log(`States: ${found.map((i) => `${i.InstanceId} ${i.State?.Name}`).join(", ")}`);
      return found.every((i) => i.State?.Name === a.state);
    },
  }),
};

export const ec2Actions: Record<string, ActionDef> = actions;
