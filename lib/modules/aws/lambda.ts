/**
 * Lambda (chaostoolkit-aws `chaosaws.awslambda`): throttle a function with reserved concurrency
 * (0 stops it from running at all), change its timeout or memory, and read them back.
 */
import { z } from "zod";
import type { ActionContext, ActionDef } from "../types";
import { defineAction } from "../types";
import { type ConnectionArgs, awsArgs, connect, plain } from "./session";

async function lambda(args: ConnectionArgs, ctx: ActionContext) {
  return connect("lambda", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-lambda");
    return { sdk, make: (c) => new sdk.LambdaClient(c) };
  });
}
type Lambda = Awaited<ReturnType<typeof lambda>>;

const function_name = z.string().min(1).describe("Function name or ARN");
const qualifier = z.string().min(1).optional().describe("Version or alias (default: $LATEST)");

async function configuration(aws: Lambda, FunctionName: string, Qualifier?: string) {
  return aws.call(`get configuration of ${FunctionName}`, (o) =>
    aws.client.send(new aws.sdk.GetFunctionConfigurationCommand({ FunctionName, Qualifier }), o),
  );
}

async function update(aws: Lambda, FunctionName: string, change: { Timeout?: number; MemorySize?: number }) {
  const out = await aws.call(`update configuration of ${FunctionName}`, (o) =>
    aws.client.send(new aws.sdk.UpdateFunctionConfigurationCommand({ FunctionName, ...change }), o),
  );
  return plain(out);
}

export const lambdaActions: Record<string, ActionDef> = {
  put_function_concurrency: defineAction({
    description: "Reserves `concurrent_executions` for the function (0 throttles every invocation).",
    args: awsArgs({
      function_name,
      concurrent_executions: z.number().int().min(0).describe("Reserved concurrent executions"),
    }),
    run: async (a, ctx) => {
      const aws = await lambda(a, ctx);
      const out = await aws.call(`failed throttling lambda function '${a.function_name}'`, (o) =>
        aws.client.send(
          new aws.sdk.PutFunctionConcurrencyCommand({
            FunctionName: a.function_name,
            ReservedConcurrentExecutions: a.concurrent_executions,
          }),
          o,
        ),
      );
      return plain(out);
    },
  }),
  delete_function_concurrency: defineAction({
    description: "Removes the function's reserved concurrency (the rollback of put_function_concurrency).",
    args: awsArgs({ function_name }),
    run: async (a, ctx) => {
      const aws = await lambda(a, ctx);
      const out = await aws.call(`delete concurrency of ${a.function_name}`, (o) =>
        aws.client.send(new aws.sdk.DeleteFunctionConcurrencyCommand({ FunctionName: a.function_name }), o),
      );
      return plain(out);
    },
  }),
  put_function_timeout: defineAction({
    description: "Sets the function's timeout in seconds; returns the new configuration.",
    args: awsArgs({ function_name, timeout: z.number().int().min(1).max(900).describe("Timeout in seconds") }),
    run: async (a, ctx) => update(await lambda(a, ctx), a.function_name, { Timeout: a.timeout }),
  }),
  put_function_memory_size: defineAction({
    description: "Sets the function's memory in megabytes; returns the new configuration.",
    args: awsArgs({ function_name, memory_size: z.number().int().min(128).max(10240).describe("Memory in MB") }),
    run: async (a, ctx) => update(await lambda(a, ctx), a.function_name, { MemorySize: a.memory_size }),
  }),
  get_function_concurrency: defineAction({
    description: "The function's reserved concurrent executions, or null when none is reserved.",
    args: awsArgs({ function_name }),
    run: async (a, ctx) => {
      const aws = await lambda(a, ctx);
      const out = await aws.call(`get concurrency of ${a.function_name}`, (o) =>
        aws.client.send(new aws.sdk.GetFunctionConcurrencyCommand({ FunctionName: a.function_name }), o),
      );
      return out.ReservedConcurrentExecutions ?? null;
    },
  }),
  get_function_timeout: defineAction({
    description: "The function's timeout in seconds.",
    args: awsArgs({ function_name, qualifier }),
    run: async (a, ctx) => (await configuration(await lambda(a, ctx), a.function_name, a.qualifier)).Timeout,
  }),
  get_function_memory_size: defineAction({
    description: "The function's memory in megabytes.",
    args: awsArgs({ function_name, qualifier }),
    run: async (a, ctx) => (await configuration(await lambda(a, ctx), a.function_name, a.qualifier)).MemorySize,
  }),
};
