/**
 * How an aws action reaches AWS. Every action takes `region`, `role_arn` (or Kallisti's `role`) and
 * `endpoint_url`; credentials always come from the SDK's default chain (environment, shared
 * profile, web identity, instance metadata), optionally exchanged for an assumed role's. A step's
 * `credentials` block is refused, as Kallisti refuses it. `call` hands the step's AbortSignal to
 * the SDK and turns SDK errors into FailedAction. Credentials are never logged or returned.
 */
import { z } from "zod";
import { InvalidCredential } from "@/lib/credentials/types";
import { type ActionContext, FailedAction } from "../types";

const roleArn = z
  .string()
  .regex(/^arn:[\w-]+:iam::\d{12}:role\/\S+$/, "expected an IAM role ARN (arn:aws:iam::<account>:role/<name>)");

/** Arguments every aws action accepts (spread into each schema through `awsArgs`). */
export const connectionArgs = {
  region: z
    .string()
    .min(1)
    .optional()
    .describe("AWS region, e.g. eu-west-1 (default: the SDK's: AWS_REGION, then the shared config profile)"),
  role_arn: roleArn
    .optional()
    .describe("IAM role to assume for this step (STS AssumeRole); the session names the trial"),
  role: roleArn.optional().describe("Same as role_arn (the name Kallisti's documentation uses)"),
  endpoint_url: z
    .url()
    .optional()
    .describe(
      "Send requests here instead of AWS's endpoint (a VPC endpoint, an emulator); S3 then uses path-style URLs",
    ),
};

export type ConnectionArgs = { region?: string; role_arn?: string; role?: string; endpoint_url?: string };

/** An action's argument schema: its own fields plus the connection fields. */
export function awsArgs<S extends z.ZodRawShape>(shape: S) {
  const sameRole = (a: object) => {
    const { role, role_arn } = a as ConnectionArgs;
    return !role || !role_arn || role === role_arn;
  };
  return z.object({ ...shape, ...connectionArgs }).refine(sameRole, {
    path: ["role"],
    message: "role and role_arn name different roles; give one of them",
  });
}

/** Kallisti's words, then what to do instead. */
export const CREDENTIALS_REFUSED =
  "Invalid credential type: Environment variables should be used for AWS client config. " +
  "The aws module takes credentials from the AWS SDK's default chain (environment, shared profile, " +
  "web identity, instance metadata); remove `credentials` and use `role_arn` to act as another role.";

/** Session names allow 2-64 characters of [\w+=,.@-]. */
export function roleSessionName(trialId: string | undefined): string {
  if (!trialId) return "eris-chaos";
  return `eris-trial-${trialId}`.replace(/[^\w+=,.@-]/g, "-").slice(0, 64);
}

export type ClientConfig = {
  region?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };
};

type SendOptions = { abortSignal: AbortSignal };

/** One AWS client for one step, and the wrapper every request goes through. */
export type Connection<C> = {
  client: C;
  /** Runs one SDK request with the step's signal; errors become FailedAction "<what>: <reason>". */
  call<T>(what: string, fn: (options: SendOptions) => Promise<T>): Promise<T>;
};

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === "CredentialsProviderError")
    return "no AWS credentials found (environment, shared profile, web identity or instance metadata)";
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const message = err.message && err.message !== "UnknownError" ? err.message : "no details";
  return `${err.name}: ${message}${status ? ` (HTTP ${status})` : ""}`;
}

function caller(ctx: ActionContext) {
  return async <T>(what: string, fn: (options: SendOptions) => Promise<T>): Promise<T> => {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    try {
      return await fn({ abortSignal: ctx.signal });
    } catch (err) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      throw new FailedAction(`${what}: ${describeError(err)}`);
    }
  };
}

/** The region the client resolved (the argument, AWS_REGION, the profile), or a clear failure. */
async function regionOf(client: { config: { region: () => Promise<string> } }): Promise<string> {
  try {
    return await client.config.region();
  } catch {
    throw new FailedAction("No AWS region: give the step a `region` or set AWS_REGION on the runner");
  }
}

/** Temporary credentials for `role`, obtained with the default chain's. */
async function assumeRole(role: string, base: ClientConfig, ctx: ActionContext) {
  const sts = await import("@aws-sdk/client-sts");
  const client = new sts.STSClient(base);
  await regionOf(client);
  const RoleSessionName = roleSessionName(ctx.trialId);
  const out = await caller(ctx)(`assume role ${role}`, (o) =>
    client.send(new sts.AssumeRoleCommand({ RoleArn: role, RoleSessionName }), o),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new FailedAction(`assume role ${role}: STS returned no credentials`);
  return {
    session: RoleSessionName,
    credentials: {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    },
  };
}

/** What a service file hands `connect`: its SDK package, loaded on first use, and its client. */
export type ServiceLoader<S, C> = () => Promise<{ sdk: S; make: (config: ClientConfig) => C }>;

/**
 * The client for one step: refuses a credentials block before anything loads, loads the service's
 * SDK package, assumes the role when asked, and logs where it talks to and as whom, never a key.
 */
export async function connect<S, C extends { config: { region: () => Promise<string> } }>(
  service: string,
  args: ConnectionArgs,
  ctx: ActionContext,
  load: ServiceLoader<S, C>,
): Promise<Connection<C> & { sdk: S }> {
  if (ctx.credential) throw new InvalidCredential(CREDENTIALS_REFUSED);
  const { sdk, make } = await load();
  const base: ClientConfig = { region: args.region, endpoint: args.endpoint_url };
  const role = args.role_arn ?? args.role;
  let identity = "default credential chain";
  if (role) {
    const assumed = await assumeRole(role, base, ctx);
    base.credentials = assumed.credentials;
    identity = `role ${role}, session ${assumed.session}`;
  }
  const client = make(base);
  const region = await regionOf(client);
  ctx.log(`AWS ${service} in ${region}${args.endpoint_url ? ` at ${args.endpoint_url}` : ""} (${identity})`);
  return { sdk, client, call: caller(ctx) };
}

/** A value as JSON would carry it: dates as ISO strings, no undefined fields. */
export const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The response as plain JSON for `expect`, without the SDK's `$metadata`. */
export function plain<T extends object>(response: T): Omit<T, "$metadata"> {
  const { $metadata: _ignored, ...rest } = response as T & { $metadata?: unknown };
  return json(rest);
}
