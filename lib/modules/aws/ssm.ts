/**
 * Systems Manager (chaostoolkit-aws `chaosaws.ssm`): run a command document on managed instances,
 * e.g. AWS-RunShellScript to burn CPU or kill a process from inside the instance.
 */
import { z } from "zod";
import { type ActionContext, type ActionDef, defineAction } from "../types";
import { atLeastOne } from "./args";
import { type ConnectionArgs, awsArgs, connect, plain } from "./session";

async function ssm(args: ConnectionArgs, ctx: ActionContext) {
  return connect("ssm", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-ssm");
    return { sdk, make: (c) => new sdk.SSMClient(c) };
  });
}

export const ssmActions: Record<string, ActionDef> = {
  send_command: defineAction({
    description:
      "Runs an SSM document (e.g. AWS-RunShellScript) on the targeted instances; returns the SendCommand response.",
    args: awsArgs({
      document_name: z.string().min(1).describe("Document name, e.g. AWS-RunShellScript"),
      targets: z
        .array(z.object({ Key: z.string().min(1), Values: z.array(z.string()) }))
        .optional()
        .describe('Which instances, e.g. [{"Key": "tag:team", "Values": ["web"]}]'),
      instance_ids: z.array(z.string().min(1)).optional().describe("Instance ids (an Eris addition; or use targets)"),
      document_version: z.string().min(1).optional().describe("Document version (default: the default version)"),
      parameters: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('Document parameters, e.g. {"commands": ["stress --cpu 2 --timeout 60"]}'),
      timeout_seconds: z.number().int().min(30).max(2592000).optional().describe("SSM's delivery timeout"),
      max_concurrency: z.string().min(1).optional().describe('How many instances at once, e.g. "50%"'),
      max_errors: z.string().min(1).optional().describe("Errors allowed before SSM stops sending"),
    }).refine(...atLeastOne(["targets", "instance_ids"])),
    run: async (a, ctx) => {
      const aws = await ssm(a, ctx);
      const out = await aws.call(`Failed to send command for document '${a.document_name}'`, (o) =>
        aws.client.send(
          new aws.sdk.SendCommandCommand({
            DocumentName: a.document_name,
            DocumentVersion: a.document_version,
            Targets: a.targets,
            InstanceIds: a.instance_ids,
            Parameters: a.parameters,
            TimeoutSeconds: a.timeout_seconds,
            MaxConcurrency: a.max_concurrency,
            MaxErrors: a.max_errors,
          }),
          o,
        ),
      );
      ctx.log(`Command ${out.Command?.CommandId} sent (${out.Command?.Status})`);
      return plain(out);
    },
  }),
};
