/**
 * cm's HTTP actions as an operator would abuse them: a probe server records everything it
 * receives, and none of the runner's secrets may ever reach it.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import { BUILTIN_CREDENTIALS } from "@/lib/credentials/handlers";
import { resetPolicy, installPolicy } from "@/lib/credentials/test-helpers";
import type { ActionContext } from "../types";
import { cm } from ".";

const SECRETS = {
  ERIS_ADMIN_PASSWORD: "admin-password-value",
  NEXTAUTH_SECRET: "nextauth-secret-value",
  IDP_USER: "alice-user",
  IDP_PASS: "alice-password",
};
const received: string[] = [];
let probe: http.Server;
let probeUrl = "";
let dir: string;

beforeAll(async () => {
  Object.assign(process.env, SECRETS);
  probe = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
      if (req.url === "/token") {
        return res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ access_token: "issued-access-token" }));
      }
      // echoes what it got, as a careless target would
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ headers: req.headers }));
    });
  });
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-cm-cred-"));
  fs.writeFileSync(path.join(dir, "token"), "file-token-value");
});
afterAll(() => {
  probe.close();
  fs.rmSync(dir, { recursive: true, force: true });
  for (const k of Object.keys(SECRETS)) if (k !== "NEXTAUTH_SECRET") delete process.env[k];
});
beforeEach(() => {
  received.length = 0;
});
afterEach(() => resetPolicy());

const ctx = (secrets: string[] = []): ActionContext => ({
  signal: new AbortController().signal,
  log: () => {},
  credential: null,
  credentialHandlers: BUILTIN_CREDENTIALS,
  secret: (v) => secrets.push(v),
});
const run = (where: Record<string, unknown>, c = ctx()) =>
  cm.actions.http_request.run(cm.actions.http_request.args.parse(where), c) as Promise<Record<string, unknown>>;
const oauth = (credentials: Record<string, unknown>, url = `${probeUrl}/token`) => ({
  type: "oauth2_token",
  url,
  credentials,
  client: { id: "app", secret: "client-secret-value" },
});
const everything = () => received.join("\n");

test("Eris's own settings never leave, even when the list allows every variable", async () => {
  installPolicy({ env: "*" });
  for (const [user, pass] of [
    ["ERIS_ADMIN_EMAIL", "ERIS_ADMIN_PASSWORD"],
    ["IDP_USER", "NEXTAUTH_SECRET"],
  ]) {
    const authentication = oauth({ type: "ENV_VAR_USERNAME_PASSWORD", username_key: user, password_key: pass });
    await expect(run({ url: `${probeUrl}/steal`, authentication })).rejects.toThrow(
      `the environment variable ${user === "IDP_USER" ? pass : user} is not set on the runner or not allowed`,
    );
  }
  expect(received).toEqual([]);
});

test("a variable outside the list is refused at run time, naming the setting to add", async () => {
  installPolicy();
  const authentication = oauth({
    type: "ENV_VAR_USERNAME_PASSWORD",
    username_key: "IDP_USER",
    password_key: "IDP_PASS",
  });
  await expect(run({ url: `${probeUrl}/x`, authentication })).rejects.toThrow(
    "Credential ENV_VAR_USERNAME_PASSWORD: the environment variable IDP_USER is not set on the runner or not allowed for credentials; an administrator allows it by adding IDP_USER to ERIS_CREDENTIAL_ENV",
  );
  expect(received).toEqual([]);
});

test("a credential bound to a host is never sent to another", async () => {
  const authentication = oauth({
    type: "ENV_VAR_USERNAME_PASSWORD",
    username_key: "IDP_USER",
    password_key: "IDP_PASS",
  });
  installPolicy({ env: "IDP_*@idp.example.com" });
  await expect(run({ url: `${probeUrl}/x`, authentication })).rejects.toThrow(
    `Authentication for http request refused: IDP_USER may not be sent to ${probeUrl}: it is allowed only towards idp.example.com. Add "IDP_USER@<host>" to ERIS_CREDENTIAL_ENV to allow another host.`,
  );
  expect(received).toEqual([]);
  // bound to the probe's own address: allowed there
  installPolicy({ env: `IDP_*@${new URL(probeUrl).host}` });
  expect((await run({ url: `${probeUrl}/x`, authentication })).status_code).toBe(200);
  expect(everything()).toContain("alice-password");
});

test("a token file's token goes only to the hosts its directory is bound to", async () => {
  const authentication = oauth({ type: "TOKEN_FILE", token_path: path.join(dir, "token") });
  installPolicy({ dirs: `${dir}@https://api.example.com` });
  await expect(run({ url: `${probeUrl}/x`, authentication })).rejects.toThrow(
    `may not be sent to ${probeUrl}: it is allowed only towards https://api.example.com`,
  );
  expect(everything()).not.toContain("file-token-value");
  installPolicy({ dirs: `${dir}@127.0.0.1` });
  expect((await run({ url: `${probeUrl}/x`, authentication })).status_code).toBe(200);
  expect(everything()).toContain("Bearer file-token-value");
});

test("the service-account token never goes to an HTTP target: it is bound to the cluster's own API server", async () => {
  const saDir = path.join(dir, "serviceaccount");
  fs.mkdirSync(saDir, { recursive: true });
  fs.writeFileSync(path.join(saDir, "token"), "service-account-token-value");
  installPolicy({
    more: { ERIS_SERVICE_ACCOUNT_TOKEN_PATH: path.join(saDir, "token"), KUBERNETES_SERVICE_HOST: "10.96.0.1" },
  });
  const authentication = oauth({ type: "K8S_SVC_ACC_TOKEN_FILE" });
  await expect(run({ url: `${probeUrl}/x`, authentication })).rejects.toThrow(
    `The service-account token may not be sent to ${probeUrl}: it is allowed only towards https://10.96.0.1:443.`,
  );
  expect(received).toEqual([]);
});

test("/etc/passwd as a token file: refused, nothing sent, no line of it in the message", async () => {
  for (const dirs of [undefined, "/etc"]) {
    installPolicy({ dirs });
    const authentication = oauth({ type: "TOKEN_FILE", token_path: "/etc/passwd" });
    const err = (await run({ url: `${probeUrl}/x`, authentication }).catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/^Credential TOKEN_FILE: /);
    expect(err.message).not.toMatch(/root|nologin|daemon/);
  }
  expect(received).toEqual([]);
});

test("what the action sends or obtains is registered for masking by value", async () => {
  installPolicy({ env: "IDP_*" });
  const secrets: string[] = [];
  await run(
    {
      url: `${probeUrl}/x`,
      headers: { "X-Api-Key": "api-key-value", Cookie: "session=cookie-value; theme=dark", Accept: "text/plain" },
      authentication: oauth({ type: "ENV_VAR_USERNAME_PASSWORD", username_key: "IDP_USER", password_key: "IDP_PASS" }),
    },
    ctx(secrets),
  );
  expect(secrets).toEqual(
    expect.arrayContaining([
      "alice-user",
      "alice-password",
      "client-secret-value",
      "issued-access-token",
      "api-key-value",
      "session=cookie-value; theme=dark",
      "cookie-value",
    ]),
  );
  expect(secrets).not.toContain("text/plain");
  const basic: string[] = [];
  const header = `Basic ${Buffer.from("bob:basic-password").toString("base64")}`;
  await run({ url: `${probeUrl}/x`, headers: { Authorization: header } }, ctx(basic));
  expect(basic).toEqual(expect.arrayContaining([header, "bob:basic-password", "basic-password"]));
});

test("a header value HTTP cannot carry is refused without quoting it", async () => {
  const err = (await run({ url: `${probeUrl}/x`, headers: { "X-Token": "line-one\nroot:x:0:0" } }).catch(
    (e: Error) => e,
  )) as Error;
  expect(err.name).toBe("FailedAction");
  expect(err.message).toBe(
    'Header "X-Token" cannot be sent: its name or value holds a line break or another character HTTP headers do not allow',
  );
  expect(received).toEqual([]);
});
