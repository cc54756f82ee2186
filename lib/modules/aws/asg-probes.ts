/**
 * Auto-scaling group probes (chaostoolkit-aws `chaosaws.asg.probes`). The waits poll; unlike
 * chaostoolkit, which returns sys.maxsize on timeout, they fail the step, saying what they saw.
 */
import type { AutoScalingGroup } from "@aws-sdk/client-auto-scaling";
import { z } from "zod";
import { WAIT_STEP_TIMEOUT_MS, timeoutArg } from "../k8s/common";
import { type ActionContext, type ActionDef, FailedAction, defineAction, sleep } from "../types";
import { tagsArg } from "./args";
import {
  type GroupSelector,
  asgNamesArg,
  autoscaling,
  desiredEqualsHealthy,
  findGroups,
  oneSelector,
  processNamesArg,
  selectorArgs,
} from "./asg";
import { type ConnectionArgs, awsArgs, json } from "./session";

/** How often the waits look again. */
export const POLL_MS = 1000;

const counts = (groups: AutoScalingGroup[]) =>
  groups
    .map((g) => {
      const healthy = (g.Instances ?? []).filter(
        (i) => i.LifecycleState === "InService" && i.HealthStatus === "Healthy",
      );
      return `${g.AutoScalingGroupName}: ${healthy.length} healthy of ${g.DesiredCapacity} desired`;
    })
    .join("; ");

/** Polls until desired == healthy is `want` for every group; returns the seconds it took. */
async function waitFor(
  args: GroupSelector & ConnectionArgs & { timeout: number },
  want: boolean,
  ctx: ActionContext,
): Promise<number> {
  const aws = await autoscaling(args, ctx);
  const started = Date.now();
  for (;;) {
    const groups = await findGroups(aws, args);
    if (desiredEqualsHealthy(groups) === want) {
      ctx.log(counts(groups));
      return Math.floor((Date.now() - started) / 1000);
    }
    const left = started + args.timeout * 1000 - Date.now();
    if (left <= 0) {
      const what = want ? "did not recover" : "stayed healthy";
      throw new FailedAction(`auto-scaling group(s) ${what} within ${args.timeout}s (${counts(groups)})`);
    }
    await sleep(Math.min(POLL_MS, left), ctx.signal);
  }
}

const byNames = awsArgs({ asg_names: asgNamesArg });
const byTags = awsArgs({ tags: tagsArg });
const timeout = timeoutArg(300);

export const asgProbes: Record<string, ActionDef> = {
  describe_auto_scaling_groups: defineAction({
    description: "The groups named or tagged, as DescribeAutoScalingGroups returns them.",
    args: awsArgs(selectorArgs).refine(...oneSelector),
    run: async (a, ctx) => ({ AutoScalingGroups: json(await findGroups(await autoscaling(a, ctx), a)) }),
  }),
  desired_equals_healthy: defineAction({
    description: "True when every named group has as many healthy in-service instances as it desires.",
    args: byNames,
    run: async (a, ctx) => desiredEqualsHealthy(await findGroups(await autoscaling(a, ctx), a)),
  }),
  desired_equals_healthy_tags: defineAction({
    description: "desired_equals_healthy for the groups carrying all the tags.",
    args: byTags,
    run: async (a, ctx) => desiredEqualsHealthy(await findGroups(await autoscaling(a, ctx), a)),
  }),
  wait_desired_equals_healthy: defineAction({
    description:
      "Waits until every named group has its desired count of healthy instances; returns the seconds waited.",
    args: awsArgs({ asg_names: asgNamesArg, timeout }),
    defaultTimeoutMs: WAIT_STEP_TIMEOUT_MS,
    run: (a, ctx) => waitFor(a, true, ctx),
  }),
  wait_desired_equals_healthy_tags: defineAction({
    description: "wait_desired_equals_healthy for the groups carrying all the tags.",
    args: awsArgs({ tags: tagsArg, timeout }),
    defaultTimeoutMs: WAIT_STEP_TIMEOUT_MS,
    run: (a, ctx) => waitFor(a, true, ctx),
  }),
  wait_desired_not_equals_healthy_tags: defineAction({
    description:
      "Waits until a tagged group has fewer (or more) healthy instances than desired; returns the seconds waited.",
    args: awsArgs({ tags: tagsArg, timeout }),
    defaultTimeoutMs: WAIT_STEP_TIMEOUT_MS,
    run: (a, ctx) => waitFor(a, false, ctx),
  }),
  is_scaling_in_progress: defineAction({
    description: "True when an instance of a tagged group is not both in service and healthy.",
    args: byTags,
    run: async (a, ctx) =>
      (await findGroups(await autoscaling(a, ctx), a)).some((g) =>
        (g.Instances ?? []).some((i) => i.LifecycleState !== "InService" || i.HealthStatus !== "Healthy"),
      ),
  }),
  process_is_suspended: defineAction({
    description: "True when every given process is suspended in every group.",
    args: awsArgs({ ...selectorArgs, process_names: processNamesArg }).refine(...oneSelector),
    run: async (a, ctx) =>
      (await findGroups(await autoscaling(a, ctx), a)).every((g) => {
        const suspended = (g.SuspendedProcesses ?? []).map((p) => p.ProcessName);
        return a.process_names.every((p) => suspended.includes(p));
      }),
  }),
  instance_count_by_health: defineAction({
    description: "The number of the groups' instances that are Healthy (or, with count_healthy false, Unhealthy).",
    args: awsArgs({
      ...selectorArgs,
      count_healthy: z.boolean().default(true).describe("Count healthy instances (false: unhealthy ones)"),
    }).refine(...oneSelector),
    run: async (a, ctx) => {
      const status = a.count_healthy ? "Healthy" : "Unhealthy";
      const groups = await findGroups(await autoscaling(a, ctx), a);
      return groups.flatMap((g) => g.Instances ?? []).filter((i) => i.HealthStatus === status).length;
    },
  }),
};
