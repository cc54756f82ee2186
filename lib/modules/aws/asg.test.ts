// aws.asg.* against a real moto server: moto replaces a group's terminated instances at once.
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
} from "@aws-sdk/client-auto-scaling";
import { CreateLaunchTemplateCommand, EC2Client } from "@aws-sdk/client-ec2";
import { describe, expect, test } from "vitest";
import { FailedAction } from "../types";
import { run, sdkConfig, skip, useMoto } from "./test-helpers";

type Groups = { AutoScalingGroups: { DesiredCapacity: number; Instances: { InstanceId: string }[] }[] };

describe.skipIf(skip !== null)(skip ? `aws asg: SKIPPED, ${skip}` : "aws asg against moto", () => {
  const endpoint = useMoto();

  async function group(name: string, desired: number, team = "web") {
    const config = sdkConfig(endpoint());
    await new EC2Client(config).send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: `${name}-lt`,
        LaunchTemplateData: { ImageId: "ami-12c6146b", InstanceType: "t3.micro" },
      }),
    );
    await new AutoScalingClient(config).send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: name,
        MinSize: 0,
        MaxSize: 10,
        DesiredCapacity: desired,
        LaunchTemplate: { LaunchTemplateName: `${name}-lt` },
        AvailabilityZones: ["us-east-1a"],
        Tags: [{ Key: "team", Value: team, PropagateAtLaunch: true }],
      }),
    );
  }

  const instanceIds = async (name: string) => {
    const out = await new AutoScalingClient(sdkConfig(endpoint())).send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }),
    );
    return (out.AutoScalingGroups?.[0].Instances ?? []).map((i) => i.InstanceId ?? "");
  };

  test("a terminated instance is replaced, and the group is whole again", async () => {
    await group("web", 3);
    const before = await instanceIds("web");
    const res = await run<{ AutoScalingGroupName: string; TerminatingInstances: { InstanceId: string }[] }[]>(
      endpoint(),
      "asg.terminate_random_instances",
      { asg_names: ["web"], instance_count: 1 },
    );
    expect(res).toHaveLength(1);
    const victim = res[0].TerminatingInstances[0].InstanceId;
    expect(before).toContain(victim);
    const after = await instanceIds("web");
    expect(after).toHaveLength(3);
    expect(after).not.toContain(victim);
    expect(await run(endpoint(), "asg.desired_equals_healthy", { asg_names: ["web"] })).toBe(true);
    expect(await run(endpoint(), "asg.wait_desired_equals_healthy", { asg_names: ["web"], timeout: 5 })).toBe(0);
    expect(await run(endpoint(), "asg.instance_count_by_health", { asg_names: ["web"] })).toBe(3);
  });

  test("detaching with decrement_capacity shrinks the group; set_desired_capacity restores it", async () => {
    await group("api", 3, "api");
    const detached = await run<{ DetachingInstances: { InstanceIds: string[] }[] }>(
      endpoint(),
      "asg.detach_random_instances",
      { tags: [{ Key: "team", Value: "api" }], instance_percent: 34, decrement_capacity: true },
    );
    expect(detached.DetachingInstances[0].InstanceIds).toHaveLength(1);
    const shrunk = await run<Groups>(endpoint(), "asg.describe_auto_scaling_groups", { asg_names: ["api"] });
    expect(shrunk.AutoScalingGroups[0].DesiredCapacity).toBe(2);
    expect(shrunk.AutoScalingGroups[0].Instances).toHaveLength(2);

    const restored = await run<Groups>(endpoint(), "asg.set_desired_capacity", {
      asg_names: ["api"],
      desired_capacity: 3,
    });
    expect(restored.AutoScalingGroups[0].DesiredCapacity).toBe(3);
    expect(restored.AutoScalingGroups[0].Instances).toHaveLength(3);
    expect(await run(endpoint(), "asg.desired_equals_healthy_tags", { tags: [{ Key: "team", Value: "api" }] })).toBe(
      true,
    );
  });

  test("processes are suspended and resumed; process_is_suspended sees it", async () => {
    await group("batch", 1, "batch");
    const where = { asg_names: ["batch"], process_names: ["Launch", "AZRebalance"] };
    await run(endpoint(), "asg.suspend_processes", where);
    expect(await run(endpoint(), "asg.process_is_suspended", where)).toBe(true);
    await run(endpoint(), "asg.resume_processes", { asg_names: ["batch"] });
    expect(await run(endpoint(), "asg.process_is_suspended", where)).toBe(false);
  });

  test("stop_random_instances stops a share of the in-service instances; errors name the group", async () => {
    await group("jobs", 4, "jobs");
    const res = await run<{ StoppingInstances: unknown[] }[]>(endpoint(), "asg.stop_random_instances", {
      asg_names: ["jobs"],
      instance_percent: 50,
    });
    expect(res[0].StoppingInstances).toHaveLength(2);
    await expect(
      run(endpoint(), "asg.terminate_random_instances", { asg_names: ["jobs"], instance_count: 9 }),
    ).rejects.toThrow(new FailedAction("Not enough healthy instances in jobs to satisfy terminate count 9 (4)"));
    await expect(
      run(endpoint(), "asg.terminate_random_instances", { asg_names: ["nope"], instance_count: 1 }),
    ).rejects.toThrow(new FailedAction("No ASG(s) found with name(s): nope"));
  });
});

test("groups are named or tagged, and instances counted one way, checked when the experiment is saved", async () => {
  const { aws } = await import("./index");
  const terminate = aws.actions["asg.terminate_random_instances"].args;
  const both = terminate.safeParse({ asg_names: ["a"], tags: [{ Key: "k", Value: "v" }], instance_count: 1 });
  expect(both.error?.issues.map((i) => i.message)).toEqual(["give asg_names or tags (one of them)"]);
  const twoWays = terminate.safeParse({ asg_names: ["a"], instance_count: 1, az: "us-east-1a" });
  expect(twoWays.error?.issues[0]).toMatchObject({
    path: ["instance_count"],
    message: "give exactly one of instance_count, instance_percent, az",
  });
  const badProcess = aws.actions["asg.suspend_processes"].args.safeParse({ asg_names: ["a"], process_names: ["Nap"] });
  expect(badProcess.error?.issues[0].path).toEqual(["process_names", 0]);
});
