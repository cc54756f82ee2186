// The HTTP edges of `prom` against small fake servers: slow answers, aborts, proxies that do not
// speak Prometheus, TLS, path prefixes. Real PromQL behaviour is in prometheus.test.ts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { freePort } from "@/e2e/fixtures/prometheus";
import { type ActionContext, FailedAction } from "../types";
import { prom } from "./index";

const ctx = (signal: AbortSignal = new AbortController().signal): ActionContext => ({
  signal,
  log: () => {},
  credential: null,
  credentialHandlers: {},
});

function call(name: string, args: Record<string, unknown>, c: ActionContext = ctx()): Promise<unknown> {
  const action = prom.actions[name];
  return action.run(action.args.parse(args), c);
}

const SUCCESS = JSON.stringify({ status: "success", data: { resultType: "scalar", result: [1, "1"] } });
const servers: http.Server[] = [];

async function serve(handler: http.RequestListener, server = http.createServer()): Promise<string> {
  server.on("request", handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const scheme = server instanceof https.Server ? "https" : "http";
  return `${scheme}://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

afterAll(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

// Answers nothing, ever: only a timeout or an abort gets the caller out.
const silent: http.RequestListener = () => {};

test("the timeout argument abandons a slow answer with a TimeoutError", async () => {
  const base = await serve(silent);
  const started = performance.now();
  const err = await call("query", { base_url: base, query: "up", timeout: 0.3 }).catch((e: Error) => e);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).name).toBe("TimeoutError");
  expect((err as Error).message).toContain("within 0.3 seconds");
  expect(performance.now() - started).toBeLessThan(2000);
});

test("an aborted ctx.signal stops a call in flight with the signal's reason", async () => {
  const base = await serve(silent);
  const controller = new AbortController();
  const reason = new Error("trial stopped");
  setTimeout(() => controller.abort(reason), 100);
  const started = performance.now();
  await expect(call("compute_mean", { base_url: base, query: "up" }, ctx(controller.signal))).rejects.toBe(reason);
  expect(performance.now() - started).toBeLessThan(2000);
});

test("an already aborted signal sends nothing", async () => {
  let requests = 0;
  const base = await serve((_, res) => {
    requests++;
    res.end(SUCCESS);
  });
  const reason = new Error("stopped before");
  await expect(call("query", { base_url: base, query: "up" }, ctx(AbortSignal.abort(reason)))).rejects.toBe(reason);
  expect(requests).toBe(0);
});

test("a closed port fails clearly", async () => {
  const base = `http://127.0.0.1:${await freePort()}`;
  const err = await call("query", { base_url: base, query: "up" }).catch((e: Error) => e);
  expect(err).toBeInstanceOf(FailedAction);
  expect((err as Error).message).toMatch(/request to http:\/\/127\.0\.0\.1:\d+ failed: .*ECONNREFUSED/);
});

test("an answer that is not Prometheus JSON is a FailedAction quoting it", async () => {
  const base = await serve((_, res) => res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>"));
  await expect(call("query", { base_url: base, query: "up" })).rejects.toThrow(
    /HTTP 502 .* is not a Prometheus API answer: <h1>Bad gateway<\/h1>/,
  );
});

test("status error with HTTP 200 is still a failure", async () => {
  const base = await serve((_, res) =>
    res.end(JSON.stringify({ status: "error", errorType: "execution", error: "many-to-many matching not allowed" })),
  );
  const err = await call("query_interval", { base_url: base, query: "a / b", start: "1m ago", end: "now" }).catch(
    (e: Error) => e,
  );
  expect(err).toBeInstanceOf(FailedAction);
  expect((err as Error).message).toBe(
    'Prometheus range query "a / b" failed (HTTP 200, execution): many-to-many matching not allowed',
  );
});

test("path prefix, basic auth from the URL, and the parameters Prometheus receives", async () => {
  let seen: { url?: string; auth?: string; accept?: string } = {};
  const base = await serve((req, res) => {
    seen = { url: req.url, auth: req.headers.authorization, accept: req.headers.accept };
    res.end(SUCCESS);
  });
  const withCreds = base.replace("http://", "http://ops:s%3Acret@");
  const when = "2024-03-07T11:00:00Z";
  const result = await call("query", { base_url: `${withCreds}/prom/`, query: 'up{job="a b"}', when, timeout: 5 });
  expect(result).toEqual(JSON.parse(SUCCESS));
  const url = new URL(seen.url ?? "", base);
  expect(url.pathname).toBe("/prom/api/v1/query");
  expect(Object.fromEntries(url.searchParams)).toEqual({
    query: 'up{job="a b"}',
    time: String(Date.parse(when) / 1000),
    timeout: "5",
  });
  expect(seen.auth).toBe(`Basic ${Buffer.from("ops:s:cret").toString("base64")}`);
  expect(seen.accept).toBe("application/json");
});

test("query_interval sends start, end and step as seconds", async () => {
  let params: Record<string, string> = {};
  const base = await serve((req, res) => {
    params = Object.fromEntries(new URL(req.url ?? "", "http://x").searchParams);
    res.end(SUCCESS);
  });
  await call("query_interval", { base_url: base, query: "up", start: 1_700_000_000, end: "1700000060", step: "15s" });
  expect(params).toMatchObject({ start: "1700000000", end: "1700000060", step: "15" });
});

test("a time that cannot be parsed fails before any request", async () => {
  let requests = 0;
  const base = await serve((_, res) => {
    requests++;
    res.end(SUCCESS);
  });
  await expect(call("query", { base_url: base, query: "up", when: "last tuesday" })).rejects.toThrow(
    "failed to parse 'last tuesday'",
  );
  await expect(call("compute_mean", { base_url: base, query: "up", window: "a while" })).rejects.toThrow(FailedAction);
  expect(requests).toBe(0);
});

test("base_url is required and must be http(s)", () => {
  const args = prom.actions.query.args;
  expect(args.safeParse({ query: "up" }).success).toBe(false);
  expect(args.safeParse({ query: "up", base_url: "ftp://prom" }).success).toBe(false);
  expect(args.safeParse({ query: "up", base_url: "http://prom:9090" }).data).toEqual({
    query: "up",
    base_url: "http://prom:9090",
    timeout: 30,
    verify_tls: true,
  });
  for (const [name, action] of Object.entries(prom.actions)) {
    expect(action.args.safeParse({}).success, name).toBe(false);
  }
});

function selfSignedServer(): https.Server | null {
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-prom-tls-"));
    const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=localhost"],
        ...["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-keyout", key, "-out", cert],
      ],
      { stdio: "ignore" },
    );
    const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) });
    fs.rmSync(dir, { recursive: true, force: true });
    return server;
  } catch {
    return null;
  }
}

const tlsServer = selfSignedServer();

test.skipIf(!tlsServer)("verify_tls: false accepts a self-signed certificate, true refuses it", async () => {
  const base = await serve((req, res) => {
    if (req.url?.includes("slow")) return;
    res.end(SUCCESS);
  }, tlsServer ?? undefined);
  const refused = await call("query", { base_url: base, query: "up" }).catch((e: Error) => e);
  expect(refused).toBeInstanceOf(FailedAction);
  expect((refused as Error).message).toMatch(/self[- ]signed/);
  expect(await call("query", { base_url: base, query: "up", verify_tls: false })).toEqual(JSON.parse(SUCCESS));
  // The node:https path honours the timeout and the signal too.
  const slow = { base_url: base, query: "slow", verify_tls: false, timeout: 0.3 };
  await expect(call("query", slow)).rejects.toMatchObject({ name: "TimeoutError" });
  const reason = new Error("stop");
  const controller = new AbortController();
  setTimeout(() => controller.abort(reason), 50);
  await expect(call("query", { ...slow, timeout: 30 }, ctx(controller.signal))).rejects.toBe(reason);
});
