// cf login: credentials (Kallisti's default environment variables included), UAA, TLS, aborts, secrets.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeCloudFoundry } from "@/e2e/fixtures/fake-cf";
import { installPolicy, resetPolicy } from "@/lib/credentials/test-helpers";
import { InvalidCredential } from "@/lib/credentials/types";
import { FailedAction } from "../types";
import { cf } from "./index";
import { USER, context, run, seedShop, startFake } from "./test-helpers";

let fake: FakeCloudFoundry;
beforeEach(async () => {
  fake = await startFake();
  seedShop(fake);
  // Kallisti's default cf variables, allowed as the README says an administrator does.
  installPolicy({ env: "CF_USERNAME,CF_PASSWORD" });
});
afterEach(async () => {
  resetPolicy();
  await fake.stop();
  delete process.env.CF_USERNAME;
  delete process.env.CF_PASSWORD;
});

const probe = { app_name: "checkout", space_name: "prod" };

test("without a credentials block, Kallisti's CF_USERNAME and CF_PASSWORD are used", async () => {
  process.env.CF_USERNAME = USER.username;
  process.env.CF_PASSWORD = USER.password;
  const ctx = context(null);
  expect(await run(fake, "get_app_by_name", probe, ctx)).toMatchObject({ name: "checkout" });
  expect(ctx.lines[0]).toContain("(user from ENV_VAR_USERNAME_PASSWORD,");
});

test("CF_USERNAME and CF_PASSWORD are not read unless the administrator allows them", async () => {
  process.env.CF_USERNAME = USER.username;
  process.env.CF_PASSWORD = USER.password;
  installPolicy({});
  await expect(run(fake, "get_app_by_name", probe, context(null))).rejects.toThrow(/ERIS_CREDENTIAL_ENV/);
  expect(fake.requests.filter((r) => r.path.includes("oauth"))).toEqual([]);
});

test("missing environment variables, token credentials and wrong passwords are clear failures", async () => {
  // Not set and not allowed read alike: the message names the variable and the setting.
  await expect(run(fake, "get_app_by_name", probe, context(null))).rejects.toThrow(
    /^Credential ENV_VAR_USERNAME_PASSWORD: the environment variable CF_USERNAME is not set on the runner or not allowed for credentials; an administrator allows it by adding CF_USERNAME to ERIS_CREDENTIAL_ENV/,
  );
  await expect(
    run(fake, "get_app_by_name", probe, context({ kind: "token", type: "TOKEN_FILE", token: "t" })),
  ).rejects.toThrow(
    /^Invalid credential type: TOKEN_FILE gives a token; cf logs in to UAA with a username and password/,
  );
  const wrong = context({
    kind: "username_password",
    type: "ENV_VAR_USERNAME_PASSWORD",
    username: USER.username,
    password: "nope",
  });
  await expect(run(fake, "get_app_by_name", probe, wrong)).rejects.toThrow(
    /^failed to call 'POST http:\/\/127\.0\.0\.1:\d+\/uaa\/oauth\/token': 401 => {"error":"unauthorized","error_description":"Bad credentials"}$/,
  );
  await expect(run(fake, "get_app_by_name", { ...probe, client_id: "other" })).rejects.toThrow(/401/);
});

test("neither the password nor the token reaches a log line or a result", async () => {
  const ctx = context();
  const result = await run(fake, "call_api", { path: "/v3/apps" }, ctx);
  const everything = JSON.stringify({ result, lines: ctx.lines });
  expect(everything).not.toContain(USER.password);
  expect(everything).not.toMatch(/bearer [0-9a-f]{20}/i);
  expect(fake.requests.filter((r) => r.path.startsWith("/v3")).every((r) => r.auth === "bearer")).toBe(true);
});

test("cf_api_url is required: a step without it is refused when the experiment is saved", () => {
  const parsed = cf.actions.terminate_some_random_instances.args.safeParse({ app_name: "checkout", count: 1 });
  expect(parsed.error?.issues[0]).toMatchObject({ path: ["cf_api_url"] });
  for (const [name, action] of Object.entries(cf.actions)) {
    expect(
      action.args.safeParse({}).error?.issues.map((i) => i.path[0]),
      name,
    ).toContain("cf_api_url");
  }
});

test("verify_ssl: a self-signed foundation is refused unless verify_ssl is false", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-cf-tls-"));
  const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  const secure = await startFake({ tls: { key: fs.readFileSync(key, "utf8"), cert: fs.readFileSync(cert, "utf8") } });
  seedShop(secure);
  try {
    expect(secure.url).toMatch(/^https:/);
    await expect(run(secure, "get_app_by_name", probe)).rejects.toThrow(
      /^cannot reach Cloud Foundry at https:\/\/127\.0\.0\.1:\d+: self[- ]signed certificate.*; set verify_ssl: false to accept it$/,
    );
    expect(await run(secure, "get_app_by_name", { ...probe, verify_ssl: false })).toMatchObject({ name: "checkout" });
  } finally {
    await secure.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the step's AbortSignal stops a request in flight", async () => {
  let requests = 0;
  // Accepts requests and never answers, like an API that hangs.
  const hanging = http.createServer(() => {
    requests++;
  });
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  const controller = new AbortController();
  const call = run(fake, "list_apps", { cf_api_url: url }, context(undefined, controller.signal));
  try {
    for (const end = Date.now() + 5000; requests === 0 && Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(requests).toBe(1);
    const reason = new Error("Trial has been stopped");
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  } finally {
    hanging.closeAllConnections();
    hanging.close();
  }
});

test("an API that is not Cloud Foundry, or not there, says so", async () => {
  const other = http.createServer((_q, r) => r.writeHead(200, { "content-type": "application/json" }).end("{}"));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  try {
    await expect(run(fake, "list_apps", { cf_api_url: url })).rejects.toThrow(
      new FailedAction(`${url} does not look like a Cloud Foundry API: its root document has no uaa link`),
    );
  } finally {
    other.close();
  }
  await expect(run(fake, "list_apps", { cf_api_url: "http://127.0.0.1:9" })).rejects.toThrow(
    /^cannot reach Cloud Foundry at http:\/\/127\.0\.0\.1:9: .*ECONNREFUSED/,
  );
});
