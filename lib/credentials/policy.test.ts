import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { config } from "@/lib/config";
import { cloudFoundryDefaultCredential, resolveCredential, BUILTIN_CREDENTIALS } from "./handlers";
import { CredentialUnavailable } from "./policy";
import { policyWith } from "./test-helpers";

// A directory an administrator allowed, one next to it that nobody allowed, and Eris's data dir.
let root: string;
let allowed: string;
let other: string;
const dataDir = () => path.dirname(config().databasePath);

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "eris-policy-"));
  allowed = path.join(root, "tokens");
  other = path.join(root, "elsewhere");
  fs.mkdirSync(allowed);
  fs.mkdirSync(other);
  fs.writeFileSync(path.join(allowed, "token"), "allowed-token-value\n");
  fs.writeFileSync(path.join(other, "token"), "other-token-value");
  fs.writeFileSync(path.join(dataDir(), "nextauth-secret"), "generated-session-secret");
  process.env.POLICY_USER = "svc-user";
  process.env.POLICY_PASS = "svc-password";
  process.env.ERIS_ADMIN_PASSWORD = "admin-password-value";
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-signing-sessions";
  process.env.PGPASSWORD = "postgres-password";
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  for (const k of ["POLICY_USER", "POLICY_PASS", "ERIS_ADMIN_PASSWORD", "PGPASSWORD"]) delete process.env[k];
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CredentialUnavailable);
    return (err as Error).message;
  }
  throw new Error("expected a refusal");
};
const asyncRefusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: Error) => e,
  );
  expect(err, "expected a refusal").toBeInstanceOf(Error);
  return (err as Error).message;
};

test("by default no environment variable is allowed; the message names the exact setting", () => {
  const policy = policyWith();
  expect(refusal(() => policy.readEnv("POLICY_PASS"))).toBe(
    "the environment variable POLICY_PASS is not set on the runner or not allowed for credentials; an administrator allows it by adding POLICY_PASS to ERIS_CREDENTIAL_ENV (or to credential_access.env in eris.config.json). Eris's own settings (ERIS_*, NEXTAUTH_*, AUTH_*, DATABASE_*, PG* and notification secrets) are never allowed",
  );
});

test("listed names and globs are readable; 'not allowed' and 'not set' read the same", () => {
  const policy = policyWith({ env: "POLICY_USER,POLICY_P*,NEVER_SET" });
  expect(policy.readEnv("POLICY_USER").value).toBe("svc-user");
  expect(policy.readEnv("POLICY_PASS")).toEqual({ value: "svc-password", binding: null });
  const unset = refusal(() => policy.readEnv("NEVER_SET"));
  const refused = refusal(() => policyWith().readEnv("NEVER_SET"));
  expect(unset).toBe(refused);
});

test("Eris's own settings are refused even when listed, by name or by a glob", () => {
  const policy = policyWith({ env: "*,ERIS_ADMIN_PASSWORD,NEXTAUTH_SECRET,PGPASSWORD,DATABASE_PATH" });
  expect(policy.readEnv("POLICY_USER").value).toBe("svc-user");
  for (const name of ["ERIS_ADMIN_PASSWORD", "NEXTAUTH_SECRET", "PGPASSWORD", "DATABASE_PATH"]) {
    expect(policy.envAllowed(name), name).toBe(false);
    const message = refusal(() => policy.readEnv(name));
    expect(message).toContain(`adding ${name} to ERIS_CREDENTIAL_ENV`);
    expect(message).not.toContain(process.env[name] as string);
  }
});

test("a webhook's signing secret (a notification secret) is refused even when listed", () => {
  const file = path.join(root, "eris.config.json");
  fs.writeFileSync(
    file,
    JSON.stringify({
      observers: [{ type: "webhook", url: "https://hooks.example/x", secret_env: "HOOK_SIGNING_KEY" }],
    }),
  );
  process.env.HOOK_SIGNING_KEY = "hook-signing-key-value";
  try {
    const policy = policyWith({ env: "HOOK_*", more: { ERIS_CONFIG: file } });
    expect(policy.envAllowed("HOOK_SIGNING_KEY")).toBe(false);
    expect(() => policy.readEnv("HOOK_SIGNING_KEY")).toThrow(CredentialUnavailable);
  } finally {
    delete process.env.HOOK_SIGNING_KEY;
  }
});

test("eris.config.json's credential_access adds to the environment's lists, with bindings", async () => {
  const file = path.join(root, "eris.config.json");
  fs.writeFileSync(
    file,
    JSON.stringify({
      credential_access: {
        env: ["POLICY_USER", { name: "POLICY_PASS", hosts: ["idp.example.com"] }],
        dirs: [{ path: "tokens", hosts: ["https://api.example.com"] }],
      },
    }),
  );
  const policy = policyWith({ more: { ERIS_CONFIG: file } });
  expect(policy.readEnv("POLICY_USER").binding).toBeNull();
  expect(policy.readEnv("POLICY_PASS").binding?.hosts.map((h) => h.text)).toEqual(["idp.example.com"]);
  const read = await policy.readFile(path.join(allowed, "token"), "the file");
  expect(read.content.trim()).toBe("allowed-token-value");
  expect(read.binding?.hosts.map((h) => h.text)).toEqual(["https://api.example.com"]);
  // listing dirs replaces the default: the service-account directory is no longer allowed
  expect(policy.pathAllowed("/var/run/secrets/kubernetes.io/serviceaccount/token")).toBe(false);
});

test("a bad entry in eris.config.json fails at load, naming it", () => {
  const file = path.join(root, "bad.config.json");
  fs.writeFileSync(file, JSON.stringify({ credential_access: { env: ["K8S_*@not a host"] } }));
  expect(() => policyWith({ more: { ERIS_CONFIG: file } })).toThrow(
    /credential_access\.env\.0: "K8S_\*@not a host": "not a host" is not a host/,
  );
});

test("files: only inside the allowed directories, resolved before the check", async () => {
  const policy = policyWith({ dirs: allowed });
  expect((await policy.readFile(path.join(allowed, "token"), "the file")).content).toBe("allowed-token-value\n");
  const missing = await asyncRefusal(policy.readFile(path.join(allowed, "missing"), "the file"));
  const outside = await asyncRefusal(policy.readFile(path.join(other, "token"), "the file"));
  // "not found" and "not allowed" differ only by the path the caller gave
  expect(outside.replace(other, allowed).replace("elsewhere", "tokens")).toBe(missing.replace("/missing", "/token"));
  expect(outside).toContain(`adding ${other} to ERIS_CREDENTIAL_DIRS`);
  // `..` out of the allowed directory
  await asyncRefusal(policy.readFile(path.join(allowed, "..", "elsewhere", "token"), "the file"));
  // a symlink inside the allowed directory pointing out of it
  fs.symlinkSync(path.join(other, "token"), path.join(allowed, "link-out"));
  fs.symlinkSync("/etc/passwd", path.join(allowed, "passwd"));
  for (const name of ["link-out", "passwd"]) {
    const message = await asyncRefusal(policy.readFile(path.join(allowed, name), "the file"));
    expect(message).not.toContain("other-token-value");
    expect(message).not.toContain("root:");
  }
  // a directory is not a token file
  await asyncRefusal(policy.readFile(allowed, "the file"));
});

test("Eris's own files are refused whatever the lists say", async () => {
  // The parent of the data directory, the file system root: both listed, both refused for Eris's files.
  const policy = policyWith({ dirs: `/,${path.dirname(dataDir())}` });
  for (const file of [
    config().databasePath,
    path.join(dataDir(), "nextauth-secret"),
    "/proc/self/environ",
    path.join(dataDir(), "..", path.basename(dataDir()), "nextauth-secret"),
  ]) {
    expect(policy.pathAllowed(file), file).toBe(false);
    const message = await asyncRefusal(policy.readFile(file, "the file"));
    expect(message).not.toContain("generated-session-secret");
    expect(message).not.toContain("admin-password-value");
  }
  // nor through a symlink from an allowed directory
  fs.symlinkSync(path.join(dataDir(), "nextauth-secret"), path.join(allowed, "to-secret"));
  await asyncRefusal(policyWith({ dirs: allowed }).readFile(path.join(allowed, "to-secret"), "the file"));
});

test("a FIFO in an allowed directory is refused at once instead of hanging", async () => {
  const fifo = path.join(allowed, "fifo");
  const { execFileSync } = await import("node:child_process");
  execFileSync("mkfifo", [fifo]);
  const started = Date.now();
  await asyncRefusal(policyWith({ dirs: allowed }).readFile(fifo, "the file"));
  expect(Date.now() - started).toBeLessThan(1000);
});

test("TOKEN_FILE with /etc/passwd: refused, and never a line of the file in the message", async () => {
  for (const dirs of [undefined, "/etc"]) {
    const policy = policyWith({ dirs });
    const message = await asyncRefusal(
      resolveCredential(BUILTIN_CREDENTIALS, { type: "TOKEN_FILE", token_path: "/etc/passwd" }, { policy }),
    );
    expect(message).toMatch(/^Credential TOKEN_FILE: /);
    expect(message).not.toMatch(/root|nologin|\/bin\//);
  }
});

test("the service-account directory is allowed by default, and its token is bound to its own cluster", async () => {
  const saDir = path.join(root, "serviceaccount");
  fs.mkdirSync(saDir);
  fs.writeFileSync(path.join(saDir, "token"), "sa-token-value");
  const more = {
    ERIS_SERVICE_ACCOUNT_TOKEN_PATH: path.join(saDir, "token"),
    KUBERNETES_SERVICE_HOST: "10.96.0.1",
    KUBERNETES_SERVICE_PORT: "443",
  };
  const policy = policyWith({ more });
  const secrets: string[] = [];
  const cred = await resolveCredential(
    BUILTIN_CREDENTIALS,
    { type: "K8S_SVC_ACC_TOKEN_FILE" },
    { policy, secret: (v) => secrets.push(v) },
  );
  expect(cred).toMatchObject({ kind: "token", token: "sa-token-value" });
  expect(cred.bindings?.[0].hosts.map((h) => h.text)).toEqual(["https://10.96.0.1:443"]);
  expect(secrets).toContain("sa-token-value");
  // Another directory listed: the default is replaced, the service account is refused.
  await asyncRefusal(
    resolveCredential(
      BUILTIN_CREDENTIALS,
      { type: "K8S_SVC_ACC_TOKEN_FILE" },
      { policy: policyWith({ dirs: allowed, more }) },
    ),
  );
});

test("resolution registers every value it read; the credential carries the bindings", async () => {
  const policy = policyWith({ env: "POLICY_USER,POLICY_PASS@idp.example.com:8443" });
  const secrets: string[] = [];
  const cred = await resolveCredential(
    BUILTIN_CREDENTIALS,
    { type: "ENV_VAR_USERNAME_PASSWORD", username_key: "POLICY_USER", password_key: "POLICY_PASS" },
    { policy, secret: (v) => secrets.push(v) },
  );
  expect(cred).toMatchObject({ kind: "username_password", username: "svc-user", password: "svc-password" });
  expect(secrets).toEqual(expect.arrayContaining(["svc-user", "svc-password"]));
  expect(cred.bindings).toHaveLength(1);
  expect(cred.bindings?.[0]).toMatchObject({ what: "POLICY_PASS" });
});

test("the operator's attack: the admin's password through ENV_VAR_USERNAME_PASSWORD is refused", async () => {
  const policy = policyWith({ env: "*" });
  const message = await asyncRefusal(
    resolveCredential(
      BUILTIN_CREDENTIALS,
      { type: "ENV_VAR_USERNAME_PASSWORD", username_key: "POLICY_USER", password_key: "ERIS_ADMIN_PASSWORD" },
      { policy },
    ),
  );
  expect(message).toMatch(
    /^Credential ENV_VAR_USERNAME_PASSWORD: the environment variable ERIS_ADMIN_PASSWORD is not set/,
  );
  expect(message).not.toContain("admin-password-value");
});

test("Kallisti's Cloud Foundry default credential (CF_USERNAME/CF_PASSWORD) follows the same list", async () => {
  process.env.CF_USERNAME = "cf-user";
  process.env.CF_PASSWORD = "cf-password";
  try {
    await expect(cloudFoundryDefaultCredential({ policy: policyWith() })).rejects.toThrow(
      "adding CF_USERNAME to ERIS_CREDENTIAL_ENV",
    );
    expect(await cloudFoundryDefaultCredential({ policy: policyWith({ env: "CF_*" }) })).toMatchObject({
      username: "cf-user",
      password: "cf-password",
    });
  } finally {
    delete process.env.CF_USERNAME;
    delete process.env.CF_PASSWORD;
  }
});
