/**
 * ECS (chaostoolkit-aws `chaosaws.ecs`): stop random tasks or one task, change a service's desired
 * count, and the cluster, service and task probes.
 */
import { z } from "zod";
import { sample } from "../k8s/common";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { atLeastOne, exactlyOne, percentOf } from "./args";
import { type ConnectionArgs, awsArgs, connect, plain } from "./session";

async function ecs(args: ConnectionArgs, ctx: ActionContext) {
  return connect("ecs", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-ecs");
    return { sdk, make: (c) => new sdk.ECSClient(c) };
  });
}
type Ecs = Awaited<ReturnType<typeof ecs>>;

const cluster = z.string().min(1).describe("Cluster name or ARN");
const service = z.string().min(1).describe("Service name or ARN");
const reason = z.string().default("Chaos Testing").describe("Why the task is stopped (shown in ECS)");

async function describeCluster(aws: Ecs, name: string) {
  const out = await aws.call(`describe cluster ${name}`, (o) =>
    aws.client.send(new aws.sdk.DescribeClustersCommand({ clusters: [name] }), o),
  );
  if (!out.clusters?.length) throw new FailedAction(`unable to locate cluster: ${name}`);
  return out;
}

async function describeService(aws: Ecs, clusterName: string, serviceName: string) {
  const out = await aws.call(`describe service ${serviceName}`, (o) =>
    aws.client.send(new aws.sdk.DescribeServicesCommand({ cluster: clusterName, services: [serviceName] }), o),
  );
  if (!out.services?.length)
    throw new FailedAction(`unable to locate service: ${serviceName} on cluster: ${clusterName}`);
  return out;
}

/** Every task ARN of the cluster (and service), across pages; RUNNING ones only when `running`. */
async function listTasks(aws: Ecs, clusterName: string | undefined, serviceName?: string, running = false) {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await aws.call("list tasks", (o) =>
      aws.client.send(
        new aws.sdk.ListTasksCommand({
          cluster: clusterName,
          serviceName,
          desiredStatus: running ? "RUNNING" : undefined,
          nextToken,
        }),
        o,
      ),
    );
    arns.push(...(page.taskArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

const firstService = async (aws: Ecs, a: { cluster: string; service: string }) =>
  (await describeService(aws, a.cluster, a.service)).services?.[0] ?? {};

export const ecsActions: Record<string, ActionDef> = {
  stop_random_tasks: defineAction({
    description: "Stops `task_count` (or `task_percent` percent) of the running tasks of the cluster or service.",
    args: awsArgs({
      cluster,
      task_count: z.number().int().min(1).optional().describe("How many tasks"),
      task_percent: z.number().min(0).max(100).optional().describe("Which percentage of them (rounded down)"),
      service: service.optional(),
      reason,
    }).refine(...exactlyOne(["task_count", "task_percent"])),
    run: async (a, ctx) => {
      const aws = await ecs(a, ctx);
      await describeCluster(aws, a.cluster);
      if (a.service) await describeService(aws, a.cluster, a.service);
      const tasks = await listTasks(aws, a.cluster, a.service, true);
      const n = a.task_percent !== undefined ? percentOf(tasks.length, a.task_percent) : (a.task_count ?? 0);
      if (tasks.length < n) {
        throw new FailedAction(`Not enough running tasks in ${a.cluster} to satisfy stop count ${n} (${tasks.length})`);
      }
      const results = [];
      for (const task of sample(tasks, n)) {
        ctx.log(`Stopping task ${task}`);
        const out = await aws.call(`stop task ${task}`, (o) =>
          aws.client.send(new aws.sdk.StopTaskCommand({ cluster: a.cluster, task, reason: a.reason }), o),
        );
        results.push({ Task_Id: out.task?.taskArn, Desired_Status: out.task?.desiredStatus });
      }
      return results;
    },
  }),
  stop_task: defineAction({
    description: "Stops the task `task_id`, or a random task of `service`; returns the AWS response.",
    args: awsArgs({
      cluster: cluster.optional(),
      task_id: z.string().min(1).optional().describe("Task id or ARN"),
      service: service.optional(),
      reason,
    }).refine(...atLeastOne(["task_id", "service"])),
    run: async (a, ctx) => {
      const aws = await ecs(a, ctx);
      let task = a.task_id;
      if (!task) {
        const tasks = await listTasks(aws, a.cluster, a.service);
        if (!tasks.length) throw new FailedAction(`No ECS tasks found for service: ${a.service}`);
        task = sample(tasks, 1)[0];
      }
      ctx.log(`Stopping task ${task}`);
      const out = await aws.call(`stop task ${task}`, (o) =>
        aws.client.send(new aws.sdk.StopTaskCommand({ cluster: a.cluster, task, reason: a.reason }), o),
      );
      return plain(out);
    },
  }),
  update_desired_count: defineAction({
    description: "Sets the service's desired task count; returns the UpdateService response.",
    args: awsArgs({ cluster, service, desired_count: z.number().int().min(0).describe("Wanted number of tasks") }),
    run: async (a, ctx) => {
      const aws = await ecs(a, ctx);
      await describeCluster(aws, a.cluster);
      await describeService(aws, a.cluster, a.service);
      const out = await aws.call(`update service ${a.service}`, (o) =>
        aws.client.send(
          new aws.sdk.UpdateServiceCommand({ cluster: a.cluster, service: a.service, desiredCount: a.desired_count }),
          o,
        ),
      );
      return plain(out);
    },
  }),
  describe_cluster: defineAction({
    description: "The cluster as DescribeClusters returns it; fails when there is no such cluster.",
    args: awsArgs({ cluster }),
    run: async (a, ctx) => plain(await describeCluster(await ecs(a, ctx), a.cluster)),
  }),
  describe_service: defineAction({
    description: "The service as DescribeServices returns it; fails when there is no such service.",
    args: awsArgs({ cluster, service }),
    run: async (a, ctx) => plain(await describeService(await ecs(a, ctx), a.cluster, a.service)),
  }),
  describe_tasks: defineAction({
    description: "Every task of the cluster as DescribeTasks returns them; fails when there is none.",
    args: awsArgs({ cluster }),
    run: async (a, ctx) => {
      const aws = await ecs(a, ctx);
      const tasks = await listTasks(aws, a.cluster);
      if (!tasks.length) throw new FailedAction(`Unable to find any tasks for cluster ${a.cluster}`);
      const described = { tasks: [] as unknown[], failures: [] as unknown[] };
      // DescribeTasks takes at most 100 tasks per call.
      for (let i = 0; i < tasks.length; i += 100) {
        const out = await aws.call("describe tasks", (o) =>
          aws.client.send(new aws.sdk.DescribeTasksCommand({ cluster: a.cluster, tasks: tasks.slice(i, i + 100) }), o),
        );
        described.tasks.push(...(plain(out).tasks ?? []));
        described.failures.push(...(plain(out).failures ?? []));
      }
      return described;
    },
  }),
  are_all_desired_tasks_running: defineAction({
    description: "True when the service runs as many tasks as it desires.",
    args: awsArgs({ cluster, service }),
    run: async (a, ctx) => {
      const s = await firstService(await ecs(a, ctx), a);
      ctx.log(`${a.service}: ${s.runningCount} running of ${s.desiredCount} desired`);
      return s.desiredCount === s.runningCount;
    },
  }),
  service_is_deploying: defineAction({
    description: "True when the service has a deployment in progress (more than one deployment).",
    args: awsArgs({ cluster, service }),
    run: async (a, ctx) => ((await firstService(await ecs(a, ctx), a)).deployments?.length ?? 0) > 1,
  }),
};
