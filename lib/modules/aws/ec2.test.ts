// aws.ec2.* against a real moto server.
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { describe, expect, test } from "vitest";
import { FailedAction } from "../types";
import { context, run, sdkConfig, skip, useMoto } from "./test-helpers";

const AMI = "ami-12c6146b"; // one of moto's built-in images

describe.skipIf(skip !== null)(skip ? `aws ec2: SKIPPED, ${skip}` : "aws ec2 against moto", () => {
  const endpoint = useMoto();
  const client = () => new EC2Client(sdkConfig(endpoint()));

  async function launch(n: number, az: string, team: string): Promise<string[]> {
    const out = await client().send(
      new RunInstancesCommand({
        ImageId: AMI,
        MinCount: n,
        MaxCount: n,
        Placement: { AvailabilityZone: az },
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "team", Value: team }] }],
      }),
    );
    return (out.Instances ?? []).map((i) => i.InstanceId ?? "");
  }

  async function state(id: string): Promise<string | undefined> {
    const out = await client().send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    return out.Reservations?.[0].Instances?.[0].State?.Name;
  }

  test("stop_instances by ids stops them, returns the AWS response, and instance_state sees it", async () => {
    const [a, b] = await launch(2, "us-east-1a", "web");
    const ctx = context();
    const res = await run<{ StoppingInstances: { InstanceId: string; CurrentState: { Name: string } }[] }[]>(
      endpoint(),
      "ec2.stop_instances",
      { instance_ids: [a] },
      ctx,
    );
    expect(res).toHaveLength(1);
    expect(res[0]).not.toHaveProperty("$metadata");
    expect(res[0].StoppingInstances.map((i) => i.InstanceId)).toEqual([a]);
    expect(await state(a)).toBe("stopped");
    expect(await state(b)).toBe("running");
    expect(await run(endpoint(), "ec2.instance_state", { state: "stopped", instance_ids: [a] })).toBe(true);
    expect(await run(endpoint(), "ec2.instance_state", { state: "stopped", instance_ids: [a, b] })).toBe(false);
    expect(ctx.lines[0]).toBe(`AWS ec2 in us-east-1 at ${endpoint()} (default credential chain)`);
  });

  test("filters and zones pick live instances; count picks that many at random", async () => {
    const web = await launch(3, "us-east-1a", "web");
    const db = await launch(2, "us-east-1b", "db");
    const filters = [{ Name: "tag:team", Values: ["web"] }];
    expect(await run(endpoint(), "ec2.count_instances", { filters })).toBe(3);
    expect(await run(endpoint(), "ec2.count_min_instances", { filters, min_count: 4 })).toBe(false);

    const stopped = await run<{ StoppingInstances: { InstanceId: string }[] }[]>(endpoint(), "ec2.stop_instances", {
      filters,
      count: 2,
    });
    const ids = stopped[0].StoppingInstances.map((i) => i.InstanceId);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(web).toContain(id);

    await run(endpoint(), "ec2.terminate_instances", { az: "us-east-1b" });
    for (const id of db) expect(await state(id)).toBe("terminated");
    // Terminated instances are not picked again: the zone is now empty.
    await expect(run(endpoint(), "ec2.stop_instances", { az: "us-east-1b" })).rejects.toThrow(
      new FailedAction("No instances found in availability zone us-east-1b"),
    );

    const started = await run<{ InstanceId: string }[]>(endpoint(), "ec2.start_instances", { instance_ids: ids });
    expect(started.map((i) => i.InstanceId).sort()).toEqual([...ids].sort());
    expect(await run(endpoint(), "ec2.instance_state", { state: "running", filters })).toBe(true);
  });

  test("stop_instance and terminate_instance act on exactly one instance; restart_instances reboots", async () => {
    const ids = await launch(3, "us-east-1c", "api");
    const res = await run<{ StoppingInstances: { InstanceId: string }[] }[]>(endpoint(), "ec2.stop_instance", {
      az: "us-east-1c",
    });
    expect(res[0].StoppingInstances).toHaveLength(1);
    const victim = res[0].StoppingInstances[0].InstanceId;
    expect(ids).toContain(victim);
    const running = ids.filter((id) => id !== victim);
    await run(endpoint(), "ec2.terminate_instance", { instance_id: running[0] });
    expect(await state(running[0])).toBe("terminated");
    expect(await run(endpoint(), "ec2.restart_instances", { instance_ids: [running[1]] })).toEqual([
      { InstanceId: running[1] },
    ]);
    const described = await run<{ Reservations: { Instances: { InstanceId: string }[] }[] }>(
      endpoint(),
      "ec2.describe_instances",
      { filters: [{ Name: "instance-id", Values: [running[1]] }] },
    );
    expect(described.Reservations[0].Instances[0].InstanceId).toBe(running[1]);
  });

  test("AWS errors become FailedAction naming the call and AWS's reason", async () => {
    await expect(run(endpoint(), "ec2.stop_instances", { instance_ids: ["i-00000000000000000"] })).rejects.toThrow(
      /^stop instances: InvalidInstanceID\.NotFound: .*i-00000000000000000.* \(HTTP 400\)$/,
    );
  });
});

test("a step must say which instances: ids, a zone or filters (checked when the experiment is saved)", async () => {
  const { aws } = await import("./index");
  const parsed = aws.actions["ec2.stop_instances"].args.safeParse({ force: true });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]).toMatchObject({
    path: ["instance_ids"],
    message: "give one of instance_ids, az, filters",
  });
});
