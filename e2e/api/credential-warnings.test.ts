/**
 * Saving an experiment whose credentials name what the administrator has not allowed: it saves
 * (Kallisti's examples must), and the answer warns which step will fail and what to set.
 */
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { config } from "@/lib/config";
import { installPolicy, resetPolicy } from "@/lib/credentials/test-helpers";
import { SEED_003_EXPERIMENT, api } from "./client";

afterEach(() => resetPolicy());

const save = (body: unknown) => api("POST", "/api/v1/experiment/", body, { as: "operator" });
const probeStep = (credentials: Record<string, unknown>) => ({
  step: "Probe",
  do: "cm.http_probe",
  where: {
    url: "https://probe.example.com/health",
    authentication: { type: "oauth2_token", url: "https://collector.example.com/token", credentials },
  },
});

test("seed 003 saves unchanged, with a warning per variable naming the setting to add", async () => {
  installPolicy();
  const res = await save(SEED_003_EXPERIMENT);
  expect(res.status).toBe(201);
  expect(res.body.steps).toEqual(SEED_003_EXPERIMENT.steps);
  expect(res.body.warnings).toEqual([
    {
      field: "steps.0.where.credentials.username_key",
      message: expect.stringMatching(
        /^K8S_USERNAME is not allowed for credentials, so this step will fail when it runs; an administrator allows it by adding K8S_USERNAME to ERIS_CREDENTIAL_ENV/,
      ),
    },
    {
      field: "steps.0.where.credentials.password_key",
      message: expect.stringContaining("adding K8S_PASSWORD to ERIS_CREDENTIAL_ENV"),
    },
  ]);
  // the warning belongs to the save: reading the experiment gives Kallisti's shape
  const read = await api("GET", `/api/v1/experiment/${res.body.id}`);
  expect(read.body).not.toHaveProperty("warnings");
});

test("once the administrator allows K8S_USERNAME and K8S_PASSWORD, seed 003 saves without warnings", async () => {
  installPolicy({ env: "K8S_USERNAME,K8S_PASSWORD" });
  const res = await save(SEED_003_EXPERIMENT);
  expect(res.status).toBe(201);
  expect(res.body.warnings).toEqual([]);
});

test("Eris's own settings are warned about even when the list allows every variable", async () => {
  installPolicy({ env: "*" });
  const res = await save({
    name: "steal the admin password",
    steps: [
      probeStep({
        type: "ENV_VAR_USERNAME_PASSWORD",
        username_key: "ERIS_ADMIN_EMAIL",
        password_key: "ERIS_ADMIN_PASSWORD",
      }),
    ],
    post_steps: [
      probeStep({ type: "ENV_VAR_USERNAME_PASSWORD", username_key: "SVC_USER", password_key: "NEXTAUTH_SECRET" }),
    ],
  });
  expect(res.status).toBe(201);
  expect(res.body.warnings.map((w: { field: string }) => w.field)).toEqual([
    "steps.0.where.authentication.credentials.username_key",
    "steps.0.where.authentication.credentials.password_key",
    "post_steps.0.where.authentication.credentials.password_key",
  ]);
  expect(res.body.warnings[1].message).toContain("Eris's own settings (ERIS_*, NEXTAUTH_*");
});

test("token files, the service account and kubeconfig paths are judged on the path, Eris's files always refused", async () => {
  const dataDir = path.dirname(config().databasePath);
  installPolicy({ dirs: `/etc/eris-tokens,${path.dirname(dataDir)}` });
  const res = await save({
    name: "files",
    pre_steps: [probeStep({ type: "TOKEN_FILE", token_path: "/etc/passwd" })],
    steps: [
      probeStep({ type: "TOKEN_FILE", token_path: "/etc/eris-tokens/../passwd" }),
      probeStep({ type: "TOKEN_FILE", token_path: path.join(dataDir, "nextauth-secret") }),
      probeStep({ type: "TOKEN_FILE", token_path: "/etc/eris-tokens/api" }),
      { do: "k8s.count_pods", where: { kubeconfig: "/root/.kube/config" } },
      { do: "k8s.count_pods", where: { credentials: { type: "K8S_SVC_ACC_TOKEN_FILE" }, k8s_api_host: "10.0.0.1" } },
    ],
  });
  expect(res.status).toBe(201);
  expect(res.body.warnings).toEqual([
    {
      field: "pre_steps.0.where.authentication.credentials.token_path",
      message: expect.stringMatching(
        /^The token file \/etc\/passwd is not in a directory allowed for credential files, so this step will fail when it runs; an administrator allows it by adding \/etc to ERIS_CREDENTIAL_DIRS/,
      ),
    },
    { field: "steps.0.where.authentication.credentials.token_path", message: expect.any(String) },
    { field: "steps.1.where.authentication.credentials.token_path", message: expect.any(String) },
    {
      field: "steps.3.where.kubeconfig",
      message: expect.stringContaining("adding /root/.kube to ERIS_CREDENTIAL_DIRS"),
    },
    { field: "steps.4.where.credentials", message: expect.stringContaining("The service-account token") },
  ]);
});

test("templated names are checked when the trial runs, not at save", async () => {
  installPolicy();
  const res = await save({
    name: "templated",
    parameters: { user_var: "K8S_USERNAME" },
    steps: [
      probeStep({ type: "ENV_VAR_USERNAME_PASSWORD", username_key: "{{ user_var }}", password_key: "{{ pass_var }}" }),
    ],
  });
  expect(res.status).toBe(201);
  expect(res.body.warnings).toEqual([]);
});

test("PUT and PATCH answer with the warnings of the whole saved experiment", async () => {
  installPolicy();
  const { body } = await save(SEED_003_EXPERIMENT);
  const patched = await api("PATCH", `/api/v1/experiment/${body.id}`, { name: "renamed" });
  expect(patched.status).toBe(200);
  expect(patched.body.warnings).toHaveLength(2);
  const replaced = await api("PUT", `/api/v1/experiment/${body.id}`, { name: "no credentials", steps: [] });
  expect(replaced.body.warnings).toEqual([]);
});
