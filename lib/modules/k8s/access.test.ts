/**
 * The k8s step of seed 003 (ENV_VAR_USERNAME_PASSWORD with K8S_USERNAME/K8S_PASSWORD) and every
 * path a step can name, under the administrator's allow-lists: the credential is resolved the way
 * the runner resolves it, then the action runs against the fake API server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import { SEED_003_EXPERIMENT } from "@/e2e/api/client";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { BUILTIN_CREDENTIALS, resolveCredential } from "@/lib/credentials/handlers";
import { resetPolicy, installPolicy } from "@/lib/credentials/test-helpers";
import { k8s } from "./index";
import { context, startFake } from "./test-helpers";

const seedStep = SEED_003_EXPERIMENT.steps[0];
const { credentials: seedCredentials, ...seedArgs } = seedStep.where;

let fake: FakeK8s;
let dir: string;
beforeAll(() => {
  process.env.K8S_USERNAME = "user-123";
  process.env.K8S_PASSWORD = "my-password";
  delete process.env.KUBECONFIG;
});
afterAll(() => {
  delete process.env.K8S_USERNAME;
  delete process.env.K8S_PASSWORD;
});
beforeEach(async () => {
  fake = await startFake({ basic: { username: "user-123", password: "my-password" } });
  fake.addDeployment("my-namespace", "hello-world", { app: "hello-world" }, 2);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-k8s-access-"));
});
afterEach(async () => {
  resetPolicy();
  delete process.env.KUBECONFIG;
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the runner does for one step: resolve `credentials`, then run the action with the rest. */
async function runStep(action: string, where: Record<string, unknown>) {
  const { credentials, ...args } = where;
  const ctx = context(null);
  const secrets: string[] = [];
  ctx.secret = (v) => secrets.push(v);
  ctx.credential = credentials
    ? await resolveCredential(BUILTIN_CREDENTIALS, credentials, { secret: ctx.secret })
    : null;
  const def = k8s.actions[action];
  const result = await def.run(def.args.parse(args), ctx);
  return { result, lines: ctx.lines, secrets };
}

test("seed 003's step fails until its variables are allowed, naming the setting to add", async () => {
  installPolicy();
  await expect(runStep("terminate_pods", { ...seedStep.where, k8s_api_host: fake.url })).rejects.toThrow(
    "Credential ENV_VAR_USERNAME_PASSWORD: the environment variable K8S_USERNAME is not set on the runner or not allowed for credentials; an administrator allows it by adding K8S_USERNAME to ERIS_CREDENTIAL_ENV",
  );
  expect(fake.requests).toEqual([]);
});

test("once K8S_USERNAME and K8S_PASSWORD are allowed, seed 003's step authenticates with them", async () => {
  installPolicy({ env: "K8S_USERNAME,K8S_PASSWORD" });
  const before = fake.podNames("my-namespace");
  const { result, lines, secrets } = await runStep("terminate_pods", {
    ...seedArgs,
    credentials: seedCredentials,
    k8s_api_host: fake.url,
  });
  expect(result).toEqual([expect.stringMatching(/^hello-world-/)]);
  expect(before).toContain((result as string[])[0]);
  expect(fake.requests.every((r) => r.auth === "Basic")).toBe(true);
  expect(lines[0]).toBe(`Kubernetes API ${fake.url} (basic auth from ENV_VAR_USERNAME_PASSWORD, plain HTTP)`);
  expect(lines.join("\n")).not.toContain("my-password");
  expect(secrets).toEqual(expect.arrayContaining(["user-123", "my-password"]));
});

test("a credential bound to the cluster's host is never sent to another API server", async () => {
  const other = await startFake({ basic: { username: "user-123", password: "my-password" } });
  try {
    installPolicy({ env: `K8S_*@${new URL(fake.url).host}` });
    const where = { ...seedArgs, credentials: seedCredentials };
    expect((await runStep("count_pods", { ...where, k8s_api_host: fake.url })).result).toBe(2);
    await expect(runStep("count_pods", { ...where, k8s_api_host: other.url })).rejects.toThrow(
      `K8S_USERNAME may not be sent to ${other.url}: it is allowed only towards ${new URL(fake.url).host}. Add "K8S_USERNAME@<host>" to ERIS_CREDENTIAL_ENV to allow another host.`,
    );
    expect(other.requests).toEqual([]);
  } finally {
    await other.stop();
  }
});

test("the kubeconfig argument and KUBECONFIG: outside the allowed directories reads as missing", async () => {
  const file = path.join(dir, "config");
  fs.writeFileSync(
    file,
    `apiVersion: v1
clusters: [{name: fake, cluster: {server: "${fake.url}", insecure-skip-tls-verify: true}}]
users: [{name: u, user: {username: user-123, password: my-password}}]
contexts: [{name: fake, context: {cluster: fake, user: u}}]
current-context: fake
`,
  );
  installPolicy();
  const failure = (where: Record<string, unknown>) =>
    runStep("count_pods", where).then(
      () => "succeeded",
      (e: Error) => e.message,
    );
  const refused = await failure({ kubeconfig: file });
  const missing = await failure({ kubeconfig: path.join(dir, "nothing") });
  expect(refused).toBe(missing.replace("nothing", "config"));
  expect(refused).toContain(`an administrator allows it by adding ${dir} to ERIS_CREDENTIAL_DIRS`);
  process.env.KUBECONFIG = file;
  await expect(runStep("count_pods", {})).rejects.toThrow(`Cannot load kubeconfig ${file} does not exist`);
  expect(fake.requests).toEqual([]);
  // allowed: both work, and the kubeconfig's password is registered for masking
  installPolicy({ dirs: dir });
  const { result, secrets } = await runStep("count_pods", { ns: "my-namespace" });
  expect(result).toBe(2);
  expect(secrets).toContain("my-password");
  // a symlink in the allowed directory to a file outside it is refused
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "eris-k8s-outside-"));
  fs.copyFileSync(file, path.join(outside, "config"));
  fs.symlinkSync(path.join(outside, "config"), path.join(dir, "link"));
  await expect(runStep("count_pods", { kubeconfig: path.join(dir, "link") })).rejects.toThrow("does not exist");
  fs.rmSync(outside, { recursive: true, force: true });
});

test("/etc/passwd as a kubeconfig: no line of it in the message", async () => {
  for (const dirs of [undefined, "/etc"]) {
    installPolicy({ dirs });
    const message = await runStep("count_pods", { kubeconfig: "/etc/passwd" }).then(
      () => "succeeded",
      (e: Error) => e.message,
    );
    expect(message).toMatch(/kubeconfig/);
    expect(message).not.toMatch(/root|nologin|daemon/);
  }
});
