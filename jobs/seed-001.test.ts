/**
 * Seed 001 end to end: its Schedule imported verbatim through the API, the experiment run by the real
 * runner against the fake cluster with Chaos Mesh (reached through a kubeconfig, as a deployment
 * would). During the step the NetworkChaos object exists and is injected; after it, it is gone;
 * global PAUSE annotates it and RUN removes the annotation; a stop, a global STOP and a kill -9 of
 * the runner (a second runner recovers the trial) each leave no chaos object behind.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { api } from "@/e2e/api/client";
import { FakeK8s, kubeconfigFor } from "@/e2e/fixtures/fake-k8s";
import { PAUSE_ANNOTATION } from "@/e2e/fixtures/fake-chaos-mesh";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { SEED_001_SCHEDULE } from "@/e2e/fixtures/seed-001";

const TOKEN = "seed-001-token";
let fake: FakeK8s;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await new FakeK8s({ token: TOKEN }).start();
  fake.addDeployment("default", "web-show", { app: "web-show" }, 2);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-seed-001-"));
  const kubeconfig = path.join(dir, "config");
  fs.writeFileSync(kubeconfig, kubeconfigFor(fake.url, TOKEN));
  // A deployment's way to the cluster: KUBECONFIG on the runner, its directory allowed for credentials.
  env = { KUBECONFIG: kubeconfig, ERIS_CREDENTIAL_DIRS: dir };
  startRunner(env);
});
afterAll(async () => {
  killRunners();
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Trial = { id: string; status: string; trial_record: Record<string, { logs: string[]; status?: string }[]> };

const importYaml = async (text: string) => {
  const res = await api("POST", "/api/v1/import", undefined, {
    raw: text,
    headers: { "content-type": "application/yaml" },
  });
  expect(res.status).toBe(201);
  return res.body as { experiment: { id: string }; schedule: { id: string } };
};
/** Seed 001's Schedule, its duration lengthened where a test needs time to act inside the step. */
const seedWith = (duration: string) => SEED_001_SCHEDULE.replace("duration: '12s'", `duration: '${duration}'`);

async function runNow(experimentId: string): Promise<string> {
  const res = await api("POST", "/api/v1/trial/", { experiment: experimentId });
  expect(res.status).toBe(201);
  return res.body.id;
}
const trial = async (id: string) => (await api("GET", `/api/v1/trial/${id}/`)).body as Trial;
const ended = (id: string) => async () => {
  const t = await trial(id);
  return !["Scheduled", "In Progress", "Stop Initiated"].includes(t.status) && t;
};
const chaosObjects = () => fake.chaosMesh.controller.list("NetworkChaos");
const injectedObject = () =>
  chaosObjects().find((o) => o.status.conditions.some((c) => c.type === "AllInjected" && c.status === "True"));
const setSignal = (state: string) => api("POST", "/api/v1/signal", { state, reason: "seed 001 test" });
const resultLines = (t: Trial) => (t.trial_record.result?.[0].logs ?? []).map((l) => l.replace(/^\[.*? - \w+\] /, ""));

test("Run now: during the step the NetworkChaos object exists and is injected; after it, it is gone", async () => {
  const { experiment } = await importYaml(SEED_001_SCHEDULE);
  const id = await runNow(experiment.id);
  const started = Date.now();
  const obj = await until("the NetworkChaos injected", injectedObject, 20_000);
  const injectedAfter = Date.now() - started;
  expect(obj.metadata.labels).toMatchObject({ "eris.io/trial": id });
  expect(obj.metadata.name).toBe(`networkchaos-${id.slice(0, 8)}-step1`);
  expect(obj.spec).toEqual({
    action: "delay",
    mode: "one",
    selector: { namespaces: ["default"], labelSelectors: { app: "web-show" } },
    delay: { latency: "10ms", correlation: "100", jitter: "0ms" },
    duration: "12s",
  });
  expect((await trial(id)).status).toBe("In Progress");
  const done = (await until("the trial ended", ended(id), 30_000)) as Trial;
  expect(done.status).toBe("Succeeded");
  expect(chaosObjects()).toEqual([]);
  const logs = done.trial_record.steps[0].logs.join("\n");
  expect(logs).toContain(`Created NetworkChaos default/${obj.metadata.name} (label eris.io/trial=${id})`);
  expect(logs).toMatch(/injected after \d+\.\d s: AllInjected=True, 1 target\(s\): default\/web-show-/);
  expect(logs).toContain("Holding the fault for 12s from its creation");
  expect(resultLines(done)).toContain("Cleanup (chaosmesh): nothing left to remove");
  const inStep = /injected after (\d+\.\d) s/.exec(logs)?.[1];
  console.info(
    `seed 001: Run now → AllInjected seen by the test after ${injectedAfter} ms; the step's own create → AllInjected: ${inStep} s`,
  );
}, 60_000);

test("global PAUSE annotates the injected object at once; RUN removes the annotation and the hold resumes", async () => {
  const { experiment } = await importYaml(seedWith("3s"));
  const id = await runNow(experiment.id);
  const obj = await until("the NetworkChaos injected", injectedObject, 20_000);
  const pausedAt = Date.now();
  await setSignal("PAUSE");
  try {
    await until(
      "annotated",
      () =>
        fake.chaosMesh.controller.get("NetworkChaos", "default", obj.metadata.name)?.metadata.annotations?.[
          PAUSE_ANNOTATION
        ] === "true",
    );
    console.info(`seed 001: PAUSE → annotation after ${Date.now() - pausedAt} ms`);
    await new Promise((r) => setTimeout(r, 4000)); // longer than the step's whole duration
    expect((await trial(id)).status).toBe("In Progress");
  } finally {
    await setSignal("RUN");
  }
  await until("the annotation removed", () => {
    const now = chaosObjects()[0];
    return now && !now.metadata.annotations?.[PAUSE_ANNOTATION];
  });
  const done = (await until("the trial ended", ended(id), 30_000)) as Trial;
  expect(done.status).toBe("Succeeded");
  expect(chaosObjects()).toEqual([]);
  const logs = done.trial_record.steps[0].logs.join("\n");
  expect(logs).toMatch(/PAUSE: NetworkChaos default\/\S+ annotated experiment\.chaos-mesh\.org\/pause=true/);
  expect(logs).toMatch(
    /RUN: experiment\.chaos-mesh\.org\/pause removed from NetworkChaos default\/\S+ after \d+\.\d s paused/,
  );
  const history = fake.chaosMesh.controller.history
    .filter((h) => h.name.startsWith(obj.metadata.name))
    .map((h) => h.what);
  expect(history).toEqual(expect.arrayContaining(["paused", "resumed"]));
}, 60_000);

test("a stop request deletes the object at once and leaves no chaos object behind", async () => {
  const { experiment } = await importYaml(seedWith("1h"));
  const id = await runNow(experiment.id);
  await until("the NetworkChaos injected", injectedObject, 20_000);
  const stoppedAt = Date.now();
  expect((await api("PUT", `/api/v1/trial/${id}/stop`)).status).toBe(200);
  const done = (await until("the trial ended", ended(id), 20_000)) as Trial;
  expect(done.status).toBe("Stopped");
  expect(chaosObjects()).toEqual([]);
  expect(done.trial_record.steps[0].logs.join("\n")).toMatch(/Stopped: deleted NetworkChaos default\/\S+ at once/);
  console.info(`seed 001: stop → trial Stopped, object gone after ${Date.now() - stoppedAt} ms`);
}, 60_000);

test("a global STOP stops the step and leaves no chaos object behind", async () => {
  const { experiment } = await importYaml(seedWith("1h"));
  const id = await runNow(experiment.id);
  await until("the NetworkChaos injected", injectedObject, 20_000);
  await setSignal("STOP");
  try {
    const done = (await until("the trial ended", ended(id), 20_000)) as Trial;
    expect(done.status).toBe("Stopped");
    expect(chaosObjects()).toEqual([]);
  } finally {
    await setSignal("RUN");
  }
}, 60_000);

test("a selector that matches no pod fails the step after the injection timeout, with Chaos Mesh's conditions in the log", async () => {
  const { experiment } = await importYaml(SEED_001_SCHEDULE.replace("'app': 'web-show'", "'app': 'nobody'"));
  // injection_timeout_seconds is Eris's (not part of Chaos Mesh's spec): set on the imported step.
  const current = (await api("GET", `/api/v1/experiment/${experiment.id}/`)).body;
  current.steps[0].where.injection_timeout_seconds = 2;
  expect((await api("PATCH", `/api/v1/experiment/${experiment.id}/`, { steps: current.steps })).status).toBe(200);
  const id = await runNow(experiment.id);
  const done = (await until("the trial ended", ended(id), 30_000)) as Trial;
  expect(done.status).toBe("Failed");
  const logs = done.trial_record.steps[0].logs.join("\n");
  expect(logs).toContain("Selected=False, AllInjected=False, AllRecovered=False, Paused=False");
  expect(logs).toContain("Warning Failed: Failed to select targets: no target has been selected");
  expect(logs).toMatch(
    /Step failed\. Type: FailedAction\. Error: NetworkChaos default\/\S+ was not injected within 2 s/,
  );
  expect(chaosObjects()).toEqual([]);
}, 60_000);

test("kill -9 of the runner mid-step: a second runner recovers the trial and its cleanup deletes the object", async () => {
  killRunners();
  const first = startRunner(env);
  await until("the first runner holds the lease", () => first.logs().includes("lease acquired"), 30_000);
  const { experiment } = await importYaml(seedWith("1h"));
  const id = await runNow(experiment.id);
  const obj = await until("the NetworkChaos injected", injectedObject, 20_000);
  first.proc.kill("SIGKILL");
  await first.exited;
  // Nothing deleted it: Chaos Mesh alone would hold the fault for its whole duration.
  expect(chaosObjects().map((o) => o.metadata.name)).toEqual([obj.metadata.name]);
  const second = startRunner(env);
  const done = (await until("recovered", ended(id), 40_000)) as Trial;
  expect(second.logs()).toContain("recovering trial");
  expect(done.status).toBe("Failed");
  expect(chaosObjects()).toEqual([]);
  expect(resultLines(done)).toContain(`Cleanup (chaosmesh): removed NetworkChaos default/${obj.metadata.name}`);
}, 90_000);

test("a guard that trips during the chaos step stops it and leaves no Chaos Mesh object behind", async () => {
  let healthy = true;
  const target = (await import("node:http")).createServer((_req, res) => res.writeHead(healthy ? 200 : 503).end());
  await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(target.address() as import("node:net").AddressInfo).port}/health`;
  try {
    const { experiment } = await importYaml(seedWith("1h"));
    await api("PATCH", `/api/v1/experiment/${experiment.id}/`, {
      guards: [{ name: "web-show health", do: "cm.http_probe", where: { url }, interval_seconds: 1, tolerance: 0 }],
    });
    const id = await runNow(experiment.id);
    await until("the NetworkChaos injected", injectedObject, 20_000);
    healthy = false;
    const done = (await until("the trial ended", ended(id), 20_000)) as Trial;
    expect(done.status).toBe("Failed");
    expect((done as unknown as { status_reason: string }).status_reason).toMatch(/^guard "web-show health" tripped/);
    expect(chaosObjects()).toEqual([]);
    expect(done.trial_record.steps[0].status).toBe("stopped");
  } finally {
    target.close();
  }
}, 60_000);
