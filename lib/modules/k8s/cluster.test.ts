import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { resetPolicy, installPolicy } from "@/lib/credentials/test-helpers";
import { k8s } from "./index";
import { TOKEN, context, run, startFake } from "./test-helpers";

// The runner's own environment must not leak into these tests (nor theirs into it).
const saved = { KUBECONFIG: process.env.KUBECONFIG, KUBERNETES_SERVICE_HOST: process.env.KUBERNETES_SERVICE_HOST };
beforeAll(() => {
  delete process.env.KUBECONFIG;
  delete process.env.KUBERNETES_SERVICE_HOST;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

let fake: FakeK8s;
let dir: string;
beforeEach(async () => {
  fake = await startFake({ basic: { username: "admin", password: "pw" } });
  fake.addDeployment("default", "web", { app: "web" }, 2);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-k8s-"));
  // kubeconfig files are read from allowed directories only
  installPolicy({ dirs: dir });
});
afterEach(async () => {
  resetPolicy();
  delete process.env.KUBECONFIG;
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs an action without the k8s_api_host the helper adds. */
const runRaw = (action: string, where: Record<string, unknown>, ctx = context(null)) => {
  const def = k8s.actions[action];
  return def.run(def.args.parse(where), ctx);
};

function writeKubeconfig(opts: { token?: string; skipTls?: boolean; server?: string } = {}): string {
  const file = path.join(dir, "config");
  const skip = opts.skipTls === false ? "" : "\n    insecure-skip-tls-verify: true";
  fs.writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster:
    server: ${opts.server ?? fake.url}${skip}
- name: elsewhere
  cluster:
    server: http://127.0.0.1:1
    insecure-skip-tls-verify: true
users:
- name: tester
  user:
    token: ${opts.token ?? TOKEN}
contexts:
- name: fake
  context: {cluster: fake, user: tester}
- name: elsewhere
  context: {cluster: elsewhere, user: tester}
current-context: elsewhere
`,
  );
  return file;
}

test("a token credential is sent as a bearer token and never logged", async () => {
  const ctx = context();
  expect(await run(fake, "count_pods", { label_selector: "app=web" }, ctx)).toBe(2);
  expect(fake.requests.every((r) => r.auth === "Bearer")).toBe(true);
  expect(ctx.lines).toEqual([`Kubernetes API ${fake.url} (bearer token from TOKEN_FILE, plain HTTP)`]);
  expect(ctx.lines.join("\n")).not.toContain(TOKEN);
});

test("a wrong token gives a clear 401 FailedAction", async () => {
  const ctx = context({ kind: "token", type: "TOKEN_FILE", token: "wrong" });
  const err = (await run(fake, "count_pods", {}, ctx).catch((e: Error) => e)) as Error;
  expect(err.name).toBe("FailedAction");
  expect(err.message).toBe(
    `list pods in namespace default: the Kubernetes API at ${fake.url} rejected the credentials (401 Unauthorized)`,
  );
  await expect(runRaw("count_pods", { k8s_api_host: fake.url })).rejects.toThrow(
    /No Kubernetes cluster access configured/,
  );
});

test("a username/password credential with k8s_api_host uses basic auth", async () => {
  const cred = (password: string | undefined) =>
    context({ kind: "username_password", type: "ENV_VAR_USERNAME_PASSWORD", username: "admin", password });
  const ctx = cred("pw");
  expect(await run(fake, "count_pods", {}, ctx)).toBe(2);
  expect(fake.requests.at(-1)?.auth).toBe("Basic");
  expect(ctx.lines.join("\n")).not.toContain("pw");
  await expect(run(fake, "count_pods", {}, cred("nope"))).rejects.toThrow(
    "rejected the credentials (401 Unauthorized)",
  );
  await expect(run(fake, "count_pods", {}, cred(undefined))).rejects.toThrow(
    "The ENV_VAR_USERNAME_PASSWORD credential has no password (is its environment variable set on the runner?)",
  );
});

test("a credential without k8s_api_host needs the in-cluster address", async () => {
  await expect(runRaw("count_pods", {}, context())).rejects.toThrow(
    "A credentials block needs k8s_api_host (the API server URL), or ERIS_K8S_API_HOST on the runner: Eris is not running inside a cluster (KUBERNETES_SERVICE_HOST is not set)",
  );
});

test("a kubeconfig path, with its context; KUBECONFIG works the same way", async () => {
  const file = writeKubeconfig();
  const ctx = context(null);
  expect(await runRaw("count_pods", { kubeconfig: file, context: "fake" }, ctx)).toBe(2);
  expect(ctx.lines[0]).toBe(`Kubernetes API ${fake.url} (kubeconfig ${file}, context fake)`);
  // the file's current context points at a closed port
  await expect(runRaw("count_pods", { kubeconfig: file })).rejects.toThrow(
    /list pods in namespace default: cannot reach the Kubernetes API at http:\/\/127.0.0.1:1: .*ECONNREFUSED/,
  );
  await expect(runRaw("count_pods", { kubeconfig: file, context: "prod" })).rejects.toThrow(
    `Context "prod" is not in kubeconfig ${file} (known: fake, elsewhere)`,
  );
  process.env.KUBECONFIG = file;
  expect(await runRaw("count_pods", { context: "fake" })).toBe(2);
  // a credentials block wins over KUBECONFIG
  expect(await run(fake, "count_pods", {}, context())).toBe(2);
});

test("a kubeconfig problem is a clear FailedAction", async () => {
  await expect(runRaw("count_pods", { kubeconfig: path.join(dir, "missing") })).rejects.toThrow(
    `Cannot load kubeconfig ${path.join(dir, "missing")} does not exist or is not in a directory allowed for credential files; an administrator allows it by adding ${dir} to ERIS_CREDENTIAL_DIRS`,
  );
  fs.writeFileSync(path.join(dir, "broken"), "clusters: [\n  - name: x\n   bad");
  await expect(runRaw("count_pods", { kubeconfig: path.join(dir, "broken") })).rejects.toThrow(
    /^Cannot load kubeconfig .*broken: not a valid kubeconfig file \(YAML error at line \d+\)$/,
  );
  const plain = writeKubeconfig({ skipTls: false });
  await expect(runRaw("count_pods", { kubeconfig: plain, context: "fake" })).rejects.toThrow(
    `the API server URL ${fake.url} is plain http://; set insecure_skip_tls_verify: true to allow it`,
  );
  expect(await runRaw("count_pods", { kubeconfig: plain, context: "fake", insecure_skip_tls_verify: true })).toBe(2);
  const wrong = writeKubeconfig({ token: "wrong" });
  await expect(runRaw("count_pods", { kubeconfig: wrong, context: "fake" })).rejects.toThrow("(401 Unauthorized)");
});

test("Kallisti's platform switch: only k8s", async () => {
  expect(await run(fake, "count_pods", { platform: "K8S" })).toBe(2);
  await expect(run(fake, "count_pods", { platform: "eks" })).rejects.toThrow(
    "K8s on the platform: eks is not supported.",
  );
});

test("unknown API paths and methods answer like an API server", async () => {
  const open = await new FakeK8s().start();
  try {
    const get = (p: string, method = "GET") =>
      fetch(`${open.url}${p}`, { method }).then(async (r) => [r.status, await r.json()]);
    expect(await get("/api/v1/namespaces/default/secrets")).toEqual([
      404,
      expect.objectContaining({ kind: "Status", reason: "NotFound", code: 404 }),
    ]);
    expect(await get("/api/v1/nodes", "DELETE")).toEqual([
      405,
      expect.objectContaining({ reason: "MethodNotAllowed" }),
    ]);
    expect(await get("/api/v1/namespaces/default/pods/x")).toEqual([
      404,
      {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: 'pods "x" not found',
        reason: "NotFound",
        details: { name: "x", kind: "pods" },
        code: 404,
      },
    ]);
  } finally {
    await open.stop();
  }
});

test("every k8s argument schema declares the cluster arguments and describes its fields", () => {
  for (const [name, action] of Object.entries(k8s.actions)) {
    const shape = (action.args as unknown as { shape: Record<string, { description?: string }> }).shape;
    expect(Object.keys(shape), name).toEqual(
      expect.arrayContaining(["k8s_api_host", "kubeconfig", "context", "insecure_skip_tls_verify"]),
    );
    for (const [field, schema] of Object.entries(shape)) expect(schema.description, `${name}.${field}`).toBeTruthy();
    expect(action.description.length, name).toBeGreaterThan(20);
  }
});

test("without credentials or kubeconfig: the service-account token, to its own cluster's API server only", async () => {
  const saDir = path.join(dir, "serviceaccount");
  fs.mkdirSync(saDir);
  fs.writeFileSync(path.join(saDir, "token"), TOKEN);
  // The cluster's own API server is the fake (ERIS_K8S_API_HOST: Eris outside the cluster).
  const own = { ERIS_SERVICE_ACCOUNT_TOKEN_PATH: path.join(saDir, "token"), ERIS_K8S_API_HOST: fake.url };
  Object.assign(process.env, own);
  try {
    installPolicy({ more: own });
    const ctx = context(null);
    expect(await runRaw("count_pods", { k8s_api_host: fake.url }, ctx)).toBe(2);
    expect(await runRaw("count_pods", {}, ctx)).toBe(2);
    expect(fake.requests.at(-1)?.auth).toBe("Bearer");
    expect(ctx.lines).toEqual([
      `Kubernetes API ${fake.url} (in-cluster service account)`,
      `Kubernetes API ${fake.url} (in-cluster service account)`,
    ]);
    // k8s_api_host pointing elsewhere never receives the token
    const elsewhere = await startFake();
    try {
      await expect(runRaw("count_pods", { k8s_api_host: elsewhere.url })).rejects.toThrow(
        `The service-account token may not be sent to ${elsewhere.url}: it is allowed only towards ${fake.url}. It goes to the cluster's own API server (KUBERNETES_SERVICE_HOST, or ERIS_K8S_API_HOST); add "${saDir}@<host>" to ERIS_CREDENTIAL_DIRS to allow another host.`,
      );
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.stop();
    }
    // another directory listed instead of the default: the token is not readable at all
    installPolicy({ dirs: path.join(dir, "other"), more: own });
    await expect(runRaw("count_pods", {})).rejects.toThrow(
      `The service-account token is not allowed for credentials; an administrator allows it by adding ${saDir} to ERIS_CREDENTIAL_DIRS`,
    );
  } finally {
    delete process.env.ERIS_SERVICE_ACCOUNT_TOKEN_PATH;
    delete process.env.ERIS_K8S_API_HOST;
  }
});

test("the step's signal aborts a request in flight", async () => {
  // A server that accepts the request and never answers.
  const sockets = new Set<import("node:net").Socket>();
  const hang = http.createServer(() => {});
  hang.on("connection", (s) => sockets.add(s));
  await new Promise<void>((resolve) => hang.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(hang.address() as import("node:net").AddressInfo).port}`;
  try {
    const stop = new AbortController();
    const reason = new Error("Trial has been stopped");
    setTimeout(() => stop.abort(reason), 100);
    const started = Date.now();
    await expect(runRaw("count_pods", { k8s_api_host: url }, context(undefined, stop.signal))).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(2_000);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => hang.close(resolve));
  }
});
