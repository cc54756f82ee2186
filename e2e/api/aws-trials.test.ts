/**
 * Kallisti-style aws experiments, saved through the API as written (no endpoint in them: the runner
 * reaches moto through AWS_ENDPOINT_URL, as a runner would reach a VPC endpoint), run by the real
 * runner process against a real moto server.
 */
import { AutoScalingClient, CreateAutoScalingGroupCommand } from "@aws-sdk/client-auto-scaling";
import {
  CreateLaunchTemplateCommand,
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { CreateDBClusterCommand, CreateDBInstanceCommand, RDSClient } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MOTO_ENV, type MotoFixture, motoSkipReason, startMoto } from "@/e2e/fixtures/moto";
import { killRunners, startRunner } from "@/e2e/fixtures/runner-process";
import { api } from "./client";
import { lines, runExperiment } from "./run-trial";

const skip = motoSkipReason();
if (skip) console.warn(`aws trials: skipped: ${skip}`);

describe.skipIf(skip !== null)(skip ? `aws trials: SKIPPED, ${skip}` : "aws trials end to end", () => {
  let moto: MotoFixture;
  const config = () => ({
    endpoint: moto.endpoint,
    region: MOTO_ENV.AWS_REGION,
    credentials: { accessKeyId: MOTO_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_ENV.AWS_SECRET_ACCESS_KEY },
  });

  beforeAll(async () => {
    Object.assign(process.env, MOTO_ENV);
    moto = await startMoto();
    startRunner({ ...MOTO_ENV, AWS_ENDPOINT_URL: moto.endpoint });
  }, 60_000);
  afterAll(async () => {
    killRunners();
    await moto?.stop();
  });

  async function instances(n: number): Promise<string[]> {
    const out = await new EC2Client(config()).send(
      new RunInstancesCommand({ ImageId: "ami-12c6146b", MinCount: n, MaxCount: n }),
    );
    return (out.Instances ?? []).map((i) => i.InstanceId ?? "");
  }
  const state = async (id: string) =>
    (await new EC2Client(config()).send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]
      .Instances?.[0].State?.Name;

  test("aws.ec2.stop_instances stops an instance and aws.ec2.instance_state sees it stopped", async () => {
    const [web, other] = await instances(2);
    const t = await runExperiment({
      name: "Stop one web server",
      steps: [
        {
          step: "Stop the instance",
          do: "aws.ec2.stop_instances",
          where: { region: "us-east-1", instance_ids: [web] },
        },
        {
          step: "It is stopped",
          do: "aws.ec2.instance_state",
          where: { region: "us-east-1", state: "stopped", instance_ids: [web] },
          expect: [{ operator: "eq", value: true }],
        },
      ],
    });
    expect(t.status).toBe("Succeeded");
    const [stop, probe] = t.trial_record.steps;
    expect(stop.step_name).toBe("Ec2.stop instances");
    const stopLines = lines(stop);
    expect(stopLines).toContain("[INFO] AWS ec2 in us-east-1 (default credential chain)");
    expect(stopLines.find((l) => l.startsWith("[INFO] Result: "))).toContain(`"InstanceId":"${web}"`);
    expect(lines(probe)).toContain("[INFO] Result: true.");
    expect(JSON.stringify(t)).not.toContain(MOTO_ENV.AWS_SECRET_ACCESS_KEY);
    expect(await state(web)).toBe("stopped");
    expect(await state(other)).toBe("running");
  });

  test("Kallisti's documented aws.ec2.stop_instance step, and a bare aws.stop_instances, run unchanged", async () => {
    const [documented, bare] = await instances(2);
    const t = await runExperiment({
      name: "Stop EC2 instances",
      steps: [
        {
          step: "Stop an EC2 instance in your-za-id",
          do: "aws.ec2.stop_instance",
          where: { region: "us-east-1", instance_id: documented, az: "us-east-1a" },
        },
        { do: "aws.stop_instances", where: { region: "us-east-1", instance_ids: [bare], force: true } },
      ],
    });
    expect(t.status).toBe("Succeeded");
    expect(await state(documented)).toBe("stopped");
    expect(await state(bare)).toBe("stopped");
  });

  test("an auto-scaling group loses an instance and the post_step restores its desired count", async () => {
    const ec2 = new EC2Client(config());
    await ec2.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: "web-lt",
        LaunchTemplateData: { ImageId: "ami-12c6146b", InstanceType: "t3.micro" },
      }),
    );
    await new AutoScalingClient(config()).send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: "web-asg",
        MinSize: 0,
        MaxSize: 6,
        DesiredCapacity: 3,
        LaunchTemplate: { LaunchTemplateName: "web-lt" },
        AvailabilityZones: ["us-east-1a"],
      }),
    );
    const where = { region: "us-east-1", asg_names: ["web-asg"] };
    const t = await runExperiment({
      name: "Lose a web server",
      steps: [
        { do: "aws.asg.detach_random_instances", where: { ...where, instance_count: 1, decrement_capacity: true } },
        {
          do: "aws.asg.describe_auto_scaling_groups",
          where,
          expect: [{ operator: "eq", "AutoScalingGroups[0].DesiredCapacity": 2 }],
        },
      ],
      post_steps: [
        { do: "aws.asg.set_desired_capacity", where: { ...where, desired_capacity: 3 } },
        { do: "aws.asg.wait_desired_equals_healthy", where: { ...where, timeout: 30 } },
        { do: "aws.asg.instance_count_by_health", where, expect: [{ operator: "eq", value: 3 }] },
      ],
    });
    expect(t.status).toBe("Succeeded");
    expect(t.trial_record.post_steps).toHaveLength(3);
  });

  test("an RDS cluster fails over and an instance reboots (aws.rds.*)", async () => {
    const rds = new RDSClient(config());
    await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "orders",
        Engine: "aurora-postgresql",
        MasterUsername: "orders",
        MasterUserPassword: "not-a-secret-3",
      }),
    );
    for (const id of ["orders-1", "orders-2"]) {
      await rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: id,
          DBClusterIdentifier: "orders",
          Engine: "aurora-postgresql",
          DBInstanceClass: "db.r6g.large",
        }),
      );
    }
    const t = await runExperiment({
      name: "Database failover",
      steps: [
        {
          step: "Force database failover on RDS",
          do: "aws.rds.failover_db_cluster",
          where: { region: "us-east-1", db_cluster_identifier: "orders", target_db_instance_identifier: "orders-2" },
        },
        {
          do: "aws.rds.cluster_writer",
          where: { cluster_id: "orders" },
          expect: [{ operator: "eq", value: "orders-2" }],
        },
        { do: "aws.rds.reboot_db_instance", where: { region: "us-east-1", db_instance_identifier: "orders-1" } },
        {
          do: "aws.rds.instance_status",
          where: { instance_id: "orders-1" },
          expect: [{ operator: "eq", value: "available" }],
        },
      ],
    });
    expect(t.status).toBe("Succeeded");
  });

  test("a credentials block fails the step as Kallisti does, without touching AWS", async () => {
    const t = await runExperiment({
      name: "Credentials are not for AWS",
      steps: [
        {
          do: "aws.ec2.count_instances",
          where: {
            filters: [],
            credentials: { type: "ENV_VAR_USERNAME_PASSWORD", username_key: "AWS_USER", password_key: "AWS_PASS" },
          },
        },
      ],
    });
    expect(t.status).toBe("Failed");
    expect(lines(t.trial_record.steps[0])[0]).toMatch(
      /^\[ERROR\] Step failed\. Type: InvalidCredentialType\. Error: Invalid credential type: Environment variables should be used for AWS client config\./,
    );
  });
});

test("a bare aws name that several services have is refused at save, with the candidates", async () => {
  const res = await api("POST", "/api/v1/experiment/", {
    name: "ambiguous",
    steps: [{ do: "aws.describe_cluster", where: { cluster: "shop" } }],
  });
  expect(res.status).toBe(400);
  expect(res.body).toEqual({
    steps: {
      "0": {
        do: [
          '"aws.describe_cluster" is ambiguous: 3 AWS services have it (aws.ecs.describe_cluster, aws.eks.describe_cluster (not available in Eris), aws.emr.describe_cluster (not available in Eris)); name the service, e.g. "aws.ecs.describe_cluster"',
        ],
      },
    },
  });
  const qualified = await api("POST", "/api/v1/experiment/", {
    name: "qualified",
    steps: [{ do: "aws.ecs.describe_cluster", where: { cluster: "shop" } }],
  });
  expect(qualified.status).toBe(201);
});

test("bad aws arguments are a 400 naming the field", async () => {
  const res = await api("POST", "/api/v1/experiment/", {
    name: "bad",
    steps: [{ do: "aws.ec2.stop_instances", where: { region: "us-east-1", force: "yes" } }],
  });
  expect(res.status).toBe(400);
  expect(res.body.steps["0"].where.force[0]).toMatch(/^aws\.ec2\.stop_instances: .*boolean/);
  // Checks across fields run once the fields themselves are right.
  const unaimed = await api("POST", "/api/v1/experiment/", {
    name: "bad",
    steps: [{ do: "aws.ec2.stop_instances", where: { region: "us-east-1", force: true } }],
  });
  expect(unaimed.status).toBe(400);
  expect(unaimed.body.steps["0"].where.instance_ids).toEqual([
    "aws.ec2.stop_instances: give one of instance_ids, az, filters",
  ]);
});
