/**
 * Test support for the aws module: one real moto server per test file (reset before each test),
 * the SDK environment pointing at it, an action context the way the executor builds one, and
 * `run()` that validates `where` with the action's schema first, as a saved step would be.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { MOTO_ENV, type MotoFixture, motoSkipReason, startMoto } from "@/e2e/fixtures/moto";
import type { ActionContext } from "../types";
import { aws } from "./index";

export const skip = motoSkipReason();
// The default reporter hides skipped tests' names, so say why out loud.
if (skip) console.warn(`aws: moto tests skipped: ${skip}`);

const holder: { moto?: MotoFixture } = {};

/** Starts moto for this file; returns a getter for its endpoint. Call at the top of a describe. */
export function useMoto(): () => string {
  beforeAll(async () => {
    Object.assign(process.env, MOTO_ENV);
    holder.moto = await startMoto();
  }, 60_000);
  afterAll(() => holder.moto?.stop(), 15_000);
  beforeEach(() => holder.moto?.reset());
  return () => {
    if (!holder.moto) throw new Error("moto is not started");
    return holder.moto.endpoint;
  };
}

/** What seeding clients need to reach moto. */
export const sdkConfig = (endpoint: string) => ({
  endpoint,
  region: MOTO_ENV.AWS_REGION,
  credentials: { accessKeyId: MOTO_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_ENV.AWS_SECRET_ACCESS_KEY },
});

export type TestContext = ActionContext & { lines: string[] };

export function context(signal: AbortSignal = new AbortController().signal): TestContext {
  const lines: string[] = [];
  return { signal, log: (m) => lines.push(m), credential: null, credentialHandlers: {}, lines };
}

/** Runs `aws.<service>.<action>` with `where` (moto's endpoint is added unless given). */
export function run<T = unknown>(
  endpoint: string,
  name: string,
  where: Record<string, unknown>,
  ctx: ActionContext = context(),
): Promise<T> {
  const def = aws.actions[name];
  if (!def) throw new Error(`no action aws.${name}`);
  return def.run(def.args.parse({ endpoint_url: endpoint, ...where }), ctx) as Promise<T>;
}

/**
 * Creates an IAM role in moto (Lambda checks that a function's role exists). IAM is a plain
 * form-encoded query API, and no IAM client package is a dependency, so this posts it directly.
 */
export async function createRole(endpoint: string, name: string): Promise<string> {
  const body = new URLSearchParams({
    Action: "CreateRole",
    Version: "2010-05-08",
    RoleName: name,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
  });
  const res = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      // moto routes by the service in the credential scope; it does not check the signature.
      authorization:
        "AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0",
    },
    body,
  });
  const text = await res.text();
  const arn = /<Arn>([^<]+)<\/Arn>/.exec(text)?.[1];
  if (!res.ok || !arn) throw new Error(`CreateRole failed: HTTP ${res.status} ${text.slice(0, 200)}`);
  return arn;
}
