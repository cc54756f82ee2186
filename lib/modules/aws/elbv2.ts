/**
 * Elastic Load Balancing v2 (chaostoolkit-aws `chaosaws.elbv2`): take a random target out of a
 * target group, and count or check the targets' health.
 */
import type { TargetHealthDescription } from "@aws-sdk/client-elastic-load-balancing-v2";
import { z } from "zod";
import { sample } from "../k8s/common";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { type ConnectionArgs, awsArgs, connect, plain } from "./session";

async function elbv2(args: ConnectionArgs, ctx: ActionContext) {
  return connect("elbv2", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-elastic-load-balancing-v2");
    return { sdk, make: (c) => new sdk.ElasticLoadBalancingV2Client(c) };
  });
}
type Elb = Awaited<ReturnType<typeof elbv2>>;

const tgNames = z.array(z.string().min(1)).min(1).describe("Target group names");

/** name → ARN for the named target groups (AWS fails the call when one does not exist). */
async function groupArns(aws: Elb, Names: string[]): Promise<Record<string, string>> {
  const out = await aws.call(`describe target groups ${Names.join(", ")}`, (o) =>
    aws.client.send(new aws.sdk.DescribeTargetGroupsCommand({ Names }), o),
  );
  return Object.fromEntries((out.TargetGroups ?? []).map((g) => [g.TargetGroupName ?? "", g.TargetGroupArn ?? ""]));
}

async function health(aws: Elb, name: string, TargetGroupArn: string): Promise<TargetHealthDescription[]> {
  const out = await aws.call(`describe target health of ${name}`, (o) =>
    aws.client.send(new aws.sdk.DescribeTargetHealthCommand({ TargetGroupArn }), o),
  );
  return out.TargetHealthDescriptions ?? [];
}

/** Target group name → its targets' health descriptions. */
async function healthByGroup(aws: Elb, names: string[]): Promise<Record<string, TargetHealthDescription[]>> {
  const arns = await groupArns(aws, names);
  const result: Record<string, TargetHealthDescription[]> = {};
  for (const [name, arn] of Object.entries(arns)) result[name] = await health(aws, name, arn);
  return result;
}

export const elbv2Actions: Record<string, ActionDef> = {
  deregister_target: defineAction({
    description: "Deregisters one random target from the target group; returns the AWS response.",
    args: awsArgs({ tg_name: z.string().min(1).describe("Target group name") }),
    run: async (a, ctx) => {
      const aws = await elbv2(a, ctx);
      const arn = (await groupArns(aws, [a.tg_name]))[a.tg_name];
      const targets = await health(aws, a.tg_name, arn);
      if (!targets.length) throw new FailedAction(`target group ${a.tg_name} has no target to deregister`);
      const { Id, Port } = sample(targets, 1)[0].Target ?? {};
      ctx.log(`Deregistering target ${Id}${Port ? `:${Port}` : ""} from ${a.tg_name}`);
      const out = await aws.call(`Exception detaching ${a.tg_name}`, (o) =>
        aws.client.send(new aws.sdk.DeregisterTargetsCommand({ TargetGroupArn: arn, Targets: [{ Id, Port }] }), o),
      );
      return plain(out);
    },
  }),
  targets_health_count: defineAction({
    description: 'Per target group, the number of targets in each health state, e.g. {"web": {"healthy": 2}}.',
    args: awsArgs({ tg_names: tgNames }),
    run: async (a, ctx) => {
      const byGroup = await healthByGroup(await elbv2(a, ctx), a.tg_names);
      const counts: Record<string, Record<string, number>> = {};
      for (const [name, targets] of Object.entries(byGroup)) {
        counts[name] = {};
        for (const t of targets) {
          const state = t.TargetHealth?.State ?? "unknown";
          counts[name][state] = (counts[name][state] ?? 0) + 1;
        }
      }
      return counts;
    },
  }),
  all_targets_healthy: defineAction({
    description: "True when every target of every listed target group is healthy.",
    args: awsArgs({ tg_names: tgNames }),
    run: async (a, ctx) => {
      const byGroup = await healthByGroup(await elbv2(a, ctx), a.tg_names);
      return Object.values(byGroup).every((targets) => targets.every((t) => t.TargetHealth?.State === "healthy"));
    },
  }),
};
