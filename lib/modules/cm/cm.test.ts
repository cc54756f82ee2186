import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { BUILTIN_CREDENTIALS } from "@/lib/credentials/handlers";
import { resetPolicy, installPolicy } from "@/lib/credentials/test-helpers";
import type { ActionContext } from "../types";
import { cm } from ".";

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let base = "";
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const url = req.url ?? "/";
      if (url === "/slow") return setTimeout(() => res.end("late"), 5000);
      if (url === "/down") return res.writeHead(503).end("maintenance");
      if (url === "/token") {
        const form = new URLSearchParams(body);
        if (req.headers.authorization !== `Basic ${Buffer.from("app:s3cret").toString("base64")}`)
          return res.writeHead(401).end("bad client");
        if (form.get("username") !== "alice" || form.get("password") !== "pw")
          return res.writeHead(400).end("bad user");
        return res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ access_token: "tok-from-idp" }));
      }
      if (
        url === "/secure" &&
        req.headers.authorization !== "Bearer tok-from-idp" &&
        req.headers.authorization !== "Bearer file-token"
      ) {
        return res.writeHead(401).end("no");
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: "UP", echo: body || null }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
afterEach(() => resetPolicy());

const ctx = (signal = new AbortController().signal): ActionContext => ({
  signal,
  log: () => {},
  credential: null,
  credentialHandlers: BUILTIN_CREDENTIALS,
});
const run = <K extends keyof typeof cm.actions>(name: K, where: Record<string, unknown>, c = ctx()) =>
  cm.actions[name].run(cm.actions[name].args.parse(where), c) as Promise<Record<string, unknown>>;

test("http_probe returns Kallisti's result shape and parses JSON", async () => {
  const r = await run("http_probe", { url: `${base}/health` });
  expect(r).toMatchObject({ status_code: 200, response: { status: "UP" } });
  expect(Object.keys(r)).toEqual([
    "status_code",
    "response_text",
    "response_headers",
    "response_time_in_seconds",
    "response",
  ]);
  expect(r.response_time_in_seconds).toBeGreaterThan(0);
});

test("http_probe fails on 400+ with Kallisti's message; http_request does not", async () => {
  await expect(run("http_probe", { url: `${base}/down` })).rejects.toThrow(
    /^Http probe failed after [\d.]+ seconds for url .*\/down with status code 503\. Details: maintenance$/,
  );
  expect((await run("http_request", { url: `${base}/down` })).status_code).toBe(503);
});

test("methods: probe allows GET/POST, request allows the rest; bodies are JSON", async () => {
  expect(() => cm.actions.http_probe.args.parse({ url: base, method: "put" })).toThrow(
    "Invalid method: PUT. HTTP Probe allows only GET and POST methods",
  );
  expect(() => cm.actions.http_request.args.parse({ url: base, method: "TRACE" })).toThrow(
    "Invalid method: TRACE. Please specify a valid HTTP request method",
  );
  for (const method of ["post", "PUT", "PATCH", "DELETE"]) {
    seen.length = 0;
    await run("http_request", { url: `${base}/x`, method, request_body: { a: 1 }, headers: { "X-Trace": "1" } });
    expect(seen[0].method).toBe(method.toUpperCase());
    expect(seen[0].headers["x-trace"]).toBe("1");
    expect(seen[0].body).toBe(method === "DELETE" ? "" : '{"a":1}');
    if (method !== "DELETE") expect(seen[0].headers["content-type"]).toBe("application/json");
  }
});

test("timeout_seconds abandons a slow answer; a stop aborts at once", async () => {
  const t0 = Date.now();
  await expect(run("http_request", { url: `${base}/slow`, timeout_seconds: 0.3 })).rejects.toThrow();
  expect(Date.now() - t0).toBeLessThan(2000);
  const stop = new AbortController();
  setTimeout(() => stop.abort(new Error("stopped")), 100);
  const t1 = Date.now();
  await expect(run("http_probe", { url: `${base}/slow` }, ctx(stop.signal))).rejects.toThrow("stopped");
  expect(Date.now() - t1).toBeLessThan(2000);
});

test("wait is abortable", async () => {
  const stop = new AbortController();
  setTimeout(() => stop.abort(new Error("stopped")), 50);
  const t0 = Date.now();
  await expect(run("wait", { time_in_seconds: 30 }, ctx(stop.signal))).rejects.toThrow("stopped");
  expect(Date.now() - t0).toBeLessThan(1000);
});

test("oauth2_token with a username/password gets a token by the password grant", async () => {
  process.env.IDP_USER = "alice";
  process.env.IDP_PASS = "pw";
  installPolicy({ env: "IDP_USER,IDP_PASS" });
  const authentication = {
    type: "oauth2_token",
    url: `${base}/token`,
    credentials: { type: "ENV_VAR_USERNAME_PASSWORD", username_key: "IDP_USER", password_key: "IDP_PASS" },
    client: { id: "app", secret: "s3cret" },
  };
  expect((await run("http_probe", { url: `${base}/secure`, authentication })).status_code).toBe(200);
  await expect(
    run("http_probe", {
      url: `${base}/secure`,
      authentication: { ...authentication, client: { id: "app", secret: "nope" } },
    }),
  ).rejects.toThrow("Authentication for http request failed with status code 401. Details: bad client");
});

test("oauth2_token with a token file sends it as a bearer token", async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eris-tok-")), "token");
  fs.writeFileSync(file, "file-token\n");
  installPolicy({ dirs: path.dirname(file) });
  const authentication = {
    type: "oauth2_token",
    url: `${base}/token`,
    credentials: { type: "TOKEN_FILE", token_path: file },
  };
  expect((await run("http_probe", { url: `${base}/secure`, authentication })).status_code).toBe(200);
  await expect(
    run("http_probe", {
      url: `${base}/secure`,
      authentication: { ...authentication, credentials: { type: "TOKEN_FILE", token_path: "/nope" } },
    }),
  ).rejects.toThrow(
    "Credential TOKEN_FILE: the file /nope does not exist or is not in a directory allowed for credential files; an administrator allows it by adding / to ERIS_CREDENTIAL_DIRS",
  );
  await expect(
    run("http_probe", { url: `${base}/secure`, authentication: { ...authentication, credentials: { type: "VAULT" } } }),
  ).rejects.toThrow("Invalid credential type: VAULT");
});
