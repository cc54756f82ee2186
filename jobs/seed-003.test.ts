/**
 * Kallisti's documentation example (seed 003: terminate a hello-world pod, then probe the app's
 * health) through the API and the real runner, against the fake Kubernetes API server.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SEED_003_EXPERIMENT, api } from "@/e2e/api/client";
import { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";

let fake: FakeK8s;
let health: http.Server;
let healthy = true;
let healthUrl = "";

beforeAll(async () => {
  fake = await new FakeK8s({ basic: { username: "user-123", password: "my-password" }, recreateDelayMs: 300 }).start();
  fake.addDeployment("my-namespace", "hello-world", { app: "hello-world" }, 2);
  health = http.createServer((_req, res) => {
    if (healthy) res.writeHead(200, { "content-type": "application/json" }).end('{"status":"UP"}');
    else res.writeHead(503).end("hello-world is down");
  });
  await new Promise<void>((r) => health.listen(0, "127.0.0.1", r));
  healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
  startRunner({
    K8S_USERNAME: "user-123",
    K8S_PASSWORD: "my-password",
    ERIS_K8S_API_HOST: fake.url,
    // The one setting the README's Kubernetes example adds: the runner may read these two variables.
    ERIS_CREDENTIAL_ENV: "K8S_USERNAME,K8S_PASSWORD",
  });
});
afterAll(async () => {
  killRunners();
  health.close();
  await fake.stop();
});

/** Seed 003 verbatim, except the health URL, which must point at something reachable here. */
function seedExperiment() {
  const steps = structuredClone(SEED_003_EXPERIMENT.steps);
  steps[1].where = { url: healthUrl };
  return { ...SEED_003_EXPERIMENT, steps };
}

async function runTrial() {
  const exp = await api("POST", "/api/v1/experiment/", seedExperiment());
  expect(exp.status).toBe(201);
  const trial = await api("POST", "/api/v1/trial/", { experiment: exp.body.id });
  expect(trial.status).toBe(201);
  return waitDone(trial.body.id);
}

async function waitDone(id: string) {
  for (const end = Date.now() + 20_000; Date.now() < end; ) {
    const t = (await api("GET", `/api/v1/trial/${id}/`)).body;
    if (!["Scheduled", "In Progress"].includes(t.status)) return t;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("trial did not finish");
}

test("seed 003 runs end to end: a pod is terminated, the deployment recreates it, the probe passes", async () => {
  healthy = true;
  const before = fake.podNames("my-namespace");
  const t = await runTrial();
  expect(t.status).toBe("Succeeded");
  const [terminate, probe] = t.trial_record.steps;
  expect(terminate.step_name).toBe("Terminate pods");
  expect(terminate.step_parameters.credentials).toEqual(SEED_003_EXPERIMENT.steps[0].where.credentials);
  const lines: string[] = terminate.logs.map((l: string) => l.replace(/^\[.*? - /, "["));
  expect(lines[0]).toBe("[INFO] Starting command execution.");
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^\[INFO\] Kubernetes API http:\/\/127\.0\.0\.1:\d+ \(basic auth from ENV_VAR_USERNAME_PASSWORD, plain HTTP\)$/,
    ),
  );
  const result = lines.find((l) => l.startsWith("[INFO] Result: "));
  expect(result).toMatch(/^\[INFO\] Result: \["hello-world-[\w-]+"\]\.$/);
  expect(lines.at(-1)).toBe("[INFO] Completed.");
  expect(lines.join("\n")).not.toContain("my-password");
  expect(probe.step_name).toBe("Http probe");
  expect(t.trial_record.result[0].logs[0]).toMatch(/INFO\] Trial Completed\.$/);
  const killed = JSON.parse((result as string).replace(/^.*Result: /, "").replace(/\.$/, ""))[0];
  expect(before).toContain(killed);
  await until("the deployment recreated the pod", () => {
    const now = fake.podNames("my-namespace");
    return now.length === 2 && !now.includes(killed);
  });
});

test("a failing probe makes the trial Failed with Kallisti's log lines", async () => {
  healthy = false;
  const t = await runTrial();
  expect(t.status).toBe("Failed");
  const probe = t.trial_record.steps[1];
  expect(probe.logs[0]).toMatch(/^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ - INFO\] Starting command execution\.$/);
  expect(probe.logs[1]).toMatch(
    /^\[.*Z - ERROR\] Step failed\. Type: FailedAction\. Error: Http probe failed after [\d.]+ seconds for url .*\/health with status code 503\. Details: hello-world is down$/,
  );
  expect(t.trial_record.result[0].logs[0]).toMatch(
    /^\[.*Z - ERROR\] Trial Failed\. Type: StepsExecutionError\. Error: \[in: steps, reason: Http probe failed after .* with status code 503\. Details: hello-world is down\]$/,
  );
});
