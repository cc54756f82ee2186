// aws.ecs.* against a real moto server: tasks run on a container instance backed by an EC2 instance.
import { EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterContainerInstanceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from "@aws-sdk/client-ecs";
import { describe, expect, test } from "vitest";
import { FailedAction } from "../types";
import { run, sdkConfig, skip, useMoto } from "./test-helpers";

describe.skipIf(skip !== null)(skip ? `aws ecs: SKIPPED, ${skip}` : "aws ecs against moto", () => {
  const endpoint = useMoto();
  const ecs = () => new ECSClient(sdkConfig(endpoint()));

  /** A cluster with one container instance and `n` running tasks of family "web". */
  async function cluster(n: number) {
    await ecs().send(new CreateClusterCommand({ clusterName: "shop" }));
    const host = await new EC2Client(sdkConfig(endpoint())).send(
      new RunInstancesCommand({ ImageId: "ami-12c6146b", MinCount: 1, MaxCount: 1, InstanceType: "m5.large" }),
    );
    const instance = host.Instances?.[0];
    const identity = { instanceId: instance?.InstanceId, region: "us-east-1", availabilityZone: "us-east-1a" };
    await ecs().send(
      new RegisterContainerInstanceCommand({ cluster: "shop", instanceIdentityDocument: JSON.stringify(identity) }),
    );
    await ecs().send(
      new RegisterTaskDefinitionCommand({
        family: "web",
        containerDefinitions: [{ name: "web", image: "nginx", memory: 64 }],
      }),
    );
    await ecs().send(new RunTaskCommand({ cluster: "shop", taskDefinition: "web", count: n }));
  }

  const running = async () =>
    (await ecs().send(new ListTasksCommand({ cluster: "shop", desiredStatus: "RUNNING" }))).taskArns ?? [];

  test("stop_random_tasks stops a count or a share of the running tasks", async () => {
    await cluster(4);
    const stopped = await run<{ Task_Id: string; Desired_Status: string }[]>(endpoint(), "ecs.stop_random_tasks", {
      cluster: "shop",
      task_count: 1,
    });
    expect(stopped).toHaveLength(1);
    expect(stopped[0].Desired_Status).toBe("STOPPED");
    expect(await running()).toHaveLength(3);
    expect(await running()).not.toContain(stopped[0].Task_Id);
    await run(endpoint(), "ecs.stop_random_tasks", { cluster: "shop", task_percent: 67 });
    expect(await running()).toHaveLength(1);
    await expect(run(endpoint(), "ecs.stop_random_tasks", { cluster: "shop", task_count: 2 })).rejects.toThrow(
      new FailedAction("Not enough running tasks in shop to satisfy stop count 2 (1)"),
    );
  });

  test("stop_task stops the given task; describe_tasks shows why", async () => {
    await cluster(2);
    const [task] = await running();
    const res = await run<{ task: { taskArn: string } }>(endpoint(), "ecs.stop_task", {
      cluster: "shop",
      task_id: task,
      reason: "game day",
    });
    expect(res.task.taskArn).toBe(task);
    const described = await run<{ tasks: { taskArn: string; stoppedReason?: string }[] }>(
      endpoint(),
      "ecs.describe_tasks",
      { cluster: "shop" },
    );
    expect(described.tasks.find((t) => t.taskArn === task)?.stoppedReason).toBe("game day");
    const direct = await ecs().send(new DescribeTasksCommand({ cluster: "shop", tasks: [task] }));
    expect(direct.tasks?.[0].lastStatus).toBe("STOPPED");
  });

  test("update_desired_count changes the service; the service probes read it", async () => {
    await cluster(0);
    await ecs().send(
      new CreateServiceCommand({ cluster: "shop", serviceName: "cart", taskDefinition: "web", desiredCount: 2 }),
    );
    const res = await run<{ service: { desiredCount: number } }>(endpoint(), "ecs.update_desired_count", {
      cluster: "shop",
      service: "cart",
      desired_count: 0,
    });
    expect(res.service.desiredCount).toBe(0);
    const svc = await run<{ services: { desiredCount: number }[] }>(endpoint(), "ecs.describe_service", {
      cluster: "shop",
      service: "cart",
    });
    expect(svc.services[0].desiredCount).toBe(0);
    expect(await run(endpoint(), "ecs.are_all_desired_tasks_running", { cluster: "shop", service: "cart" })).toBe(true);
    expect(await run(endpoint(), "ecs.service_is_deploying", { cluster: "shop", service: "cart" })).toBe(false);
    const c = await run<{ clusters: { clusterName: string }[] }>(endpoint(), "ecs.describe_cluster", {
      cluster: "shop",
    });
    expect(c.clusters[0].clusterName).toBe("shop");
    await expect(
      run(endpoint(), "ecs.update_desired_count", { cluster: "shop", service: "nope", desired_count: 1 }),
    ).rejects.toThrow(FailedAction);
  });
});
