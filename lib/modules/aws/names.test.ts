// How `do` names resolve in the aws module (no AWS needed).
import { expect, test } from "vitest";
import { catalogue } from "@/lib/modules/catalogue";
import { BUILTIN_MODULES, resolveAction } from "@/lib/modules/registry";
import { aws } from "./index";

const modules = { ...BUILTIN_MODULES, aws };
const resolve = (doName: string) => {
  const r = resolveAction(modules, doName);
  return "error" in r ? r : { name: r.name };
};

test("the service part is honoured, with the SDK's names accepted for chaostoolkit's", () => {
  expect(resolve("aws.ec2.stop_instances")).toEqual({ name: "ec2.stop_instances" });
  expect(resolve("aws.asg.stop_random_instances")).toEqual({ name: "asg.stop_random_instances" });
  expect(resolve("aws.lambda.get_function_timeout")).toEqual({ name: "awslambda.get_function_timeout" });
  expect(resolve("aws.autoscaling.suspend_processes")).toEqual({ name: "asg.suspend_processes" });
});

test("a bare name resolves when one service has it", () => {
  expect(resolve("aws.stop_instances")).toEqual({ name: "ec2.stop_instances" });
  expect(resolve("aws.failover_db_cluster")).toEqual({ name: "rds.failover_db_cluster" });
  expect(resolve("aws.stop_random_instances")).toEqual({ name: "asg.stop_random_instances" });
});

test("a bare name several services have is refused with every candidate", () => {
  expect(resolve("aws.describe_cluster")).toEqual({
    error:
      '"aws.describe_cluster" is ambiguous: 3 AWS services have it (aws.ecs.describe_cluster, aws.eks.describe_cluster (not available in Eris), aws.emr.describe_cluster (not available in Eris)); name the service, e.g. "aws.ecs.describe_cluster"',
  });
  expect(resolve("aws.attach_volume")).toMatchObject({ error: expect.stringContaining("aws.asg.attach_volume") });
});

test("unknown services and actions say what exists", () => {
  expect(resolve("aws.nosuch.stop_instances")).toEqual({
    error: expect.stringMatching(/^Unknown AWS service "nosuch" in "aws\.nosuch\.stop_instances" \(known: ec2, ecs, /),
  });
  expect(resolve("aws.eks.create_cluster")).toEqual({
    error: 'Could not find function "aws.eks.create_cluster" in module "aws" (no eks action is available yet)',
  });
  expect(resolve("aws.s3.delete_bucket")).toEqual({
    error:
      'Could not find function "aws.s3.delete_bucket" in module "aws" (its s3 actions: bucket_exists, object_exists)',
  });
  expect(resolve("aws.no_such_action")).toEqual({
    error: 'Could not find function "aws.no_such_action" in module "aws"',
  });
});

test("every action is in the catalogue with a JSON Schema that has the connection arguments", () => {
  const cat = catalogue({ modules: { aws }, credentials: {}, sources: {}, observers: [], hooks: [] });
  const actions = cat.modules[0].actions;
  expect(actions.length).toBeGreaterThanOrEqual(50);
  for (const a of actions) {
    expect(a.do).toMatch(/^aws\.(ec2|asg|ecs|awslambda|rds|elbv2|ssm|s3|cloudwatch)\.[a-z_]+$/);
    expect(a.args_schema).toMatchObject({ type: "object" });
    const props = (a.args_schema as { properties: Record<string, unknown> }).properties;
    expect(Object.keys(props)).toEqual(expect.arrayContaining(["region", "role_arn", "role", "endpoint_url"]));
  }
  const stop = actions.find((a) => a.do === "aws.ec2.stop_instances");
  expect(stop?.args_schema).toMatchObject({
    properties: { instance_ids: { type: "array" }, force: { type: "boolean", default: false } },
  });
});
