// aws.awslambda, elbv2, ssm, s3 and cloudwatch actions against a real moto server.
import {
  CloudWatchClient,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
} from "@aws-sdk/client-cloudwatch";
import { DescribeVpcsCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import {
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, test } from "vitest";
import { FailedAction } from "../types";
import { createRole, run, sdkConfig, skip, useMoto } from "./test-helpers";

/** The smallest valid zip archive (an empty one): moto stores the code, it never runs it here. */
const EMPTY_ZIP = new Uint8Array([80, 75, 5, 6, ...new Array(18).fill(0)]);

describe.skipIf(skip !== null)(skip ? `aws services: SKIPPED, ${skip}` : "aws services against moto", () => {
  const endpoint = useMoto();
  const config = () => sdkConfig(endpoint());

  async function instances(n: number, team: string): Promise<string[]> {
    const out = await new EC2Client(config()).send(
      new RunInstancesCommand({
        ImageId: "ami-12c6146b",
        MinCount: n,
        MaxCount: n,
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "team", Value: team }] }],
      }),
    );
    return (out.Instances ?? []).map((i) => i.InstanceId ?? "");
  }

  test("awslambda: throttle, change timeout and memory, read them back", async () => {
    const Role = await createRole(endpoint(), "lambda-runner");
    await new LambdaClient(config()).send(
      new CreateFunctionCommand({
        FunctionName: "checkout",
        Runtime: "python3.12",
        Role,
        Handler: "app.handler",
        Code: { ZipFile: EMPTY_ZIP },
      }),
    );
    const fn = { function_name: "checkout" };
    expect(await run(endpoint(), "awslambda.get_function_concurrency", fn)).toBeNull();
    const put = await run(endpoint(), "awslambda.put_function_concurrency", { ...fn, concurrent_executions: 0 });
    expect(put).toEqual({ ReservedConcurrentExecutions: 0 });
    expect(await run(endpoint(), "awslambda.get_function_concurrency", fn)).toBe(0);
    await run(endpoint(), "awslambda.delete_function_concurrency", fn);
    expect(await run(endpoint(), "awslambda.get_function_concurrency", fn)).toBeNull();
    const timeout = await run<{ Timeout: number }>(endpoint(), "awslambda.put_function_timeout", { ...fn, timeout: 9 });
    expect(timeout.Timeout).toBe(9);
    expect(await run(endpoint(), "awslambda.get_function_timeout", fn)).toBe(9);
    await run(endpoint(), "awslambda.put_function_memory_size", { ...fn, memory_size: 512 });
    expect(await run(endpoint(), "awslambda.get_function_memory_size", fn)).toBe(512);
    await expect(
      run(endpoint(), "awslambda.put_function_concurrency", { function_name: "nope", concurrent_executions: 1 }),
    ).rejects.toThrow(/^failed throttling lambda function 'nope': ResourceNotFoundException/);
  });

  test("elbv2: deregister a random target; the health probes count what is left", async () => {
    const ids = await instances(2, "web");
    const vpcs = await new EC2Client(config()).send(new DescribeVpcsCommand({}));
    const elb = new ElasticLoadBalancingV2Client(config());
    const tg = await elb.send(
      new CreateTargetGroupCommand({ Name: "web-tg", Protocol: "HTTP", Port: 80, VpcId: vpcs.Vpcs?.[0].VpcId }),
    );
    const TargetGroupArn = tg.TargetGroups?.[0].TargetGroupArn;
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn, Targets: ids.map((Id) => ({ Id, Port: 80 })) }));
    expect(await run(endpoint(), "elbv2.targets_health_count", { tg_names: ["web-tg"] })).toEqual({
      "web-tg": { healthy: 2 },
    });
    expect(await run(endpoint(), "elbv2.all_targets_healthy", { tg_names: ["web-tg"] })).toBe(true);
    await run(endpoint(), "elbv2.deregister_target", { tg_name: "web-tg" });
    expect(await run(endpoint(), "elbv2.targets_health_count", { tg_names: ["web-tg"] })).toEqual({
      "web-tg": { healthy: 1 },
    });
    await expect(run(endpoint(), "elbv2.all_targets_healthy", { tg_names: ["nope"] })).rejects.toThrow(
      /^describe target groups nope: TargetGroupNotFoundException/,
    );
  });

  test("ssm: send_command reaches the instances named by tag or id", async () => {
    const web = await instances(2, "web");
    await instances(1, "db");
    const res = await run<{ Command: { InstanceIds: string[]; DocumentName: string; Parameters: unknown } }>(
      endpoint(),
      "ssm.send_command",
      {
        document_name: "AWS-RunShellScript",
        targets: [{ Key: "tag:team", Values: ["web"] }],
        parameters: { commands: ["stress-ng --cpu 1 --timeout 30s"] },
      },
    );
    expect(res.Command.DocumentName).toBe("AWS-RunShellScript");
    expect([...res.Command.InstanceIds].sort()).toEqual([...web].sort());
    expect(res.Command.Parameters).toEqual({ commands: ["stress-ng --cpu 1 --timeout 30s"] });
    const byId = await run<{ Command: { InstanceIds: string[] } }>(endpoint(), "ssm.send_command", {
      document_name: "AWS-RunShellScript",
      instance_ids: [web[0]],
      parameters: { commands: ["uptime"] },
    });
    // moto adds every instance when a command has no targets; AWS would run it on the id alone.
    expect(byId.Command.InstanceIds).toContain(web[0]);
  });

  test("s3: bucket_exists and object_exists", async () => {
    const s3 = new S3Client({ ...config(), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: "eris-reports" }));
    await s3.send(new PutObjectCommand({ Bucket: "eris-reports", Key: "today.json", Body: "{}" }));
    expect(await run(endpoint(), "s3.bucket_exists", { bucket_name: "eris-reports" })).toBe(true);
    expect(await run(endpoint(), "s3.bucket_exists", { bucket_name: "eris-missing" })).toBe(false);
    const obj = { bucket_name: "eris-reports", object_key: "today.json" };
    expect(await run(endpoint(), "s3.object_exists", obj)).toBe(true);
    expect(await run(endpoint(), "s3.object_exists", { ...obj, object_key: "yesterday.json" })).toBe(false);
    await expect(run(endpoint(), "s3.object_exists", { ...obj, bucket_name: "eris-missing" })).rejects.toThrow(
      new FailedAction('Bucket "eris-missing" does not exist!'),
    );
  });

  test("cloudwatch: an alarm's state and a metric's statistic", async () => {
    const cw = new CloudWatchClient(config());
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "checkout-latency",
        MetricName: "Latency",
        Namespace: "Shop",
        Statistic: "Average",
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 500,
        ComparisonOperator: "GreaterThanThreshold",
      }),
    );
    expect(await run(endpoint(), "cloudwatch.get_alarm_state_value", { alarm_name: "checkout-latency" })).toBe("OK");
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: "checkout-latency", StateValue: "ALARM", StateReason: "test" }),
    );
    expect(await run(endpoint(), "cloudwatch.get_alarm_state_value", { alarm_name: "checkout-latency" })).toBe("ALARM");
    await expect(run(endpoint(), "cloudwatch.get_alarm_state_value", { alarm_name: "nope" })).rejects.toThrow(
      new FailedAction("CloudWatch alarm name nope not found"),
    );

    const Dimensions = [{ Name: "service", Value: "checkout" }];
    await cw.send(
      new PutMetricDataCommand({
        Namespace: "Shop",
        MetricData: [10, 30].map((Value) => ({ MetricName: "Latency", Value, Dimensions })),
      }),
    );
    // Times travel in whole seconds, so the window must end a second after the data points.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const where = { namespace: "Shop", metric_name: "Latency", dimension_name: "service", dimension_value: "checkout" };
    expect(await run(endpoint(), "cloudwatch.get_metric_statistics", { ...where, statistic: "Average" })).toBe(20);
    expect(
      await run(endpoint(), "cloudwatch.get_metric_statistics", {
        ...where,
        dimensions: Dimensions,
        statistic: "Maximum",
      }),
    ).toBe(30);
    expect(
      await run(endpoint(), "cloudwatch.get_metric_statistics", { ...where, statistic: "Average", offset: 3600 }),
    ).toBe(0);
  });
});
