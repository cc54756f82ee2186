// Connection behaviour of every aws action: credentials, assumed roles, regions, aborts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { MOTO_ENV } from "@/e2e/fixtures/moto";
import { InvalidCredential } from "@/lib/credentials/types";
import { FailedAction } from "../types";
import { aws } from "./index";
import { CREDENTIALS_REFUSED, roleSessionName } from "./session";
import { context, run, skip, useMoto } from "./test-helpers";

const ROLE = "arn:aws:iam::123456789012:role/chaos-operator";
// Dummy keys for the default chain, also for the tests that never reach moto.
Object.assign(process.env, MOTO_ENV);

test("Kallisti's username/password and token credentials are refused, with what to do instead", async () => {
  for (const credential of [
    { kind: "username_password", type: "ENV_VAR_USERNAME_PASSWORD", username: "u", password: "p" },
    { kind: "token", type: "TOKEN_FILE", token: "t" },
  ] as const) {
    const ctx = { ...context(), credential };
    const failure = run("http://127.0.0.1:9", "ec2.count_instances", { filters: [] }, ctx);
    await expect(failure).rejects.toThrow(new InvalidCredential(CREDENTIALS_REFUSED));
    await expect(failure).rejects.toMatchObject({ name: "InvalidCredentialType" });
    expect(ctx.lines.join("\n")).not.toContain("p");
  }
  expect(CREDENTIALS_REFUSED).toMatch(
    /^Invalid credential type: Environment variables should be used for AWS client config\./,
  );
});

test("assumed-role sessions are named after the trial, within STS's limits", () => {
  expect(roleSessionName("0b9f3c52-8d0e-4b8e-9c3a-2f1d6e7a9b10")).toBe(
    "eris-trial-0b9f3c52-8d0e-4b8e-9c3a-2f1d6e7a9b10",
  );
  expect(roleSessionName(undefined)).toBe("eris-chaos");
  expect(roleSessionName("x".repeat(80))).toHaveLength(64);
  expect(roleSessionName("a b/c")).toBe("eris-trial-a-b-c");
});

test("role and role_arn may not name different roles; a role must be an IAM role ARN (checked at save)", () => {
  const args = aws.actions["s3.bucket_exists"].args;
  expect(args.safeParse({ bucket_name: "abc", role: ROLE, role_arn: `${ROLE}-2` }).error?.issues[0]).toMatchObject({
    path: ["role"],
    message: "role and role_arn name different roles; give one of them",
  });
  expect(args.safeParse({ bucket_name: "abc", role_arn: "chaos-operator" }).error?.issues[0].path).toEqual([
    "role_arn",
  ]);
  expect(args.safeParse({ bucket_name: "abc", role: ROLE, role_arn: ROLE }).success).toBe(true);
});

describe("aborting", () => {
  let server: http.Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  test("the step's AbortSignal reaches the SDK request in flight", async () => {
    let requests = 0;
    // Accepts requests and never answers, like an endpoint that hangs.
    server = http.createServer(() => {
      requests++;
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const controller = new AbortController();
    const ctx = context(controller.signal);
    const call = run(endpoint, "ec2.count_instances", { filters: [], region: "eu-west-1" }, ctx);
    // Wait until the request is really out (the first call also loads the SDK package).
    for (const end = Date.now() + 10_000; requests === 0 && Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(requests).toBe(1);
    const reason = new Error("Trial has been stopped");
    const aborted = performance.now();
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(performance.now() - aborted).toBeLessThan(500);
  });

  test("an already aborted step sends nothing", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stopped"));
    await expect(
      run(
        "http://127.0.0.1:9",
        "s3.bucket_exists",
        { bucket_name: "abc", region: "eu-west-1" },
        context(controller.signal),
      ),
    ).rejects.toThrow("stopped");
  });
});

describe.skipIf(skip !== null)(skip ? `aws connection: SKIPPED, ${skip}` : "aws connection against moto", () => {
  const endpoint = useMoto();

  test("role_arn assumes the role through STS; the session names the trial; no key is logged", async () => {
    const ctx = { ...context(), trialId: "5d2c1d7e-aaaa-bbbb-cccc-0123456789ab" };
    expect(await run(endpoint(), "ec2.count_instances", { filters: [], role_arn: ROLE }, ctx)).toBe(0);
    expect(ctx.lines[0]).toBe(
      `AWS ec2 in us-east-1 at ${endpoint()} (role ${ROLE}, session eris-trial-5d2c1d7e-aaaa-bbbb-cccc-0123456789ab)`,
    );
    expect(ctx.lines.join("\n")).not.toMatch(/ASIA|AKIA|testing/);
  });

  test("Kallisti's `role` works as role_arn", async () => {
    const ctx = context();
    await run(endpoint(), "s3.bucket_exists", { bucket_name: "abc", role: ROLE }, ctx);
    expect(ctx.lines[0]).toContain(`(role ${ROLE}, session eris-chaos)`);
  });

  test("without a region anywhere, the step fails saying where to give one", async () => {
    const saved = { region: process.env.AWS_REGION, config: process.env.AWS_CONFIG_FILE };
    delete process.env.AWS_REGION;
    process.env.AWS_CONFIG_FILE = "/nonexistent/eris-aws-config";
    try {
      await expect(run(endpoint(), "ec2.count_instances", { filters: [] })).rejects.toThrow(
        new FailedAction("No AWS region: give the step a `region` or set AWS_REGION on the runner"),
      );
      expect(await run(endpoint(), "ec2.count_instances", { filters: [], region: "eu-west-1" })).toBe(0);
    } finally {
      process.env.AWS_REGION = saved.region;
      if (saved.config === undefined) delete process.env.AWS_CONFIG_FILE;
      else process.env.AWS_CONFIG_FILE = saved.config;
    }
  });
});
