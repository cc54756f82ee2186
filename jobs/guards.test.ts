/**
 * Guards through the real runner: a trial's HTTP guard that starts failing mid-step stops the trial
 * (post_steps run once; the record and every report name the guard), and global guards that set the
 * signal, one of them on a real Prometheus.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { GET as reportGet } from "@/app/api/v1/report/route";
import { getDb } from "@/db/client";
import { api } from "@/e2e/api/client";
import { IDENTITIES } from "@/e2e/api/identities";
import { type Metric, prometheusSkipReason, startPrometheus } from "@/e2e/fixtures/prometheus";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { readSignal, setSignal } from "@/lib/signal/service";

let healthy = true;
const hits = new Map<string, number>();
let target: http.Server;
let base = "";

beforeAll(async () => {
  target = http.createServer((req, res) => {
    hits.set(req.url ?? "", (hits.get(req.url ?? "") ?? 0) + 1);
    if (req.url === "/health" && !healthy) return res.writeHead(503).end("down");
    res.end("ok");
  });
  await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(() => target.close());
afterEach(async () => {
  killRunners();
  for (const g of (await api("GET", "/api/v1/guard")).body) await api("DELETE", `/api/v1/guard/${g.id}`);
  await setSignal(getDb(), { state: "RUN", reason: "" }, "test");
  healthy = true;
});

async function report(trialId: string, format: string) {
  const req = new Request(`http://eris.test/api/v1/report?trial-id=${trialId}&format=${format}`, {
    headers: { authorization: `Bearer ${IDENTITIES.viewer.token}` },
  });
  return (await reportGet(req, { params: Promise.resolve({}) })).text();
}

test("an HTTP guard that starts failing mid-step stops the trial; post_steps run once; the record and reports name it", async () => {
  startRunner();
  const exp = await api("POST", "/api/v1/experiment/", {
    name: "guarded fault",
    steps: [{ step: "the fault", do: "cm.wait", where: { time_in_seconds: 60 } }],
    post_steps: [{ do: "cm.http_probe", where: { url: `${base}/rollback` } }],
    guards: [
      {
        name: "checkout health",
        do: "cm.http_probe",
        where: { url: `${base}/health` },
        interval_seconds: 1,
        tolerance: 1,
      },
    ],
  });
  expect(exp.status).toBe(201);
  expect(exp.body.guards[0]).toMatchObject({ name: "checkout health", interval_seconds: 1, tolerance: 1 });
  const trial = await api("POST", "/api/v1/trial/", { experiment: exp.body.id });
  const read = async () => (await api("GET", `/api/v1/trial/${trial.body.id}/`)).body;
  await until("two passing guard checks", async () => ((await read()).guard_record.guards?.[0]?.checks ?? 0) >= 2);
  healthy = false;
  const done = await until(
    "the trial ended",
    async () => {
      const t = await read();
      return t.status !== "In Progress" && t;
    },
    20_000,
  );

  expect(done.status).toBe("Failed");
  expect(done.status_reason).toMatch(/^guard "checkout health" tripped at \S+: .*503/);
  const guard = done.guard_record.guards[0];
  // Tolerance 1: the first failure is tolerated, the second trips; nothing is checked after it.
  expect(guard.failures).toBe(2);
  expect(guard.consecutive_failures).toBe(2);
  expect(guard.history.slice(-2).map((c: { ok: boolean }) => c.ok)).toEqual([false, false]);
  expect(done.guard_record.tripped).toMatchObject({ name: "checkout health" });
  expect(Date.parse(guard.tripped_at)).toBeGreaterThanOrEqual(Date.parse(guard.history.at(-2).at));
  expect(done.trial_record.steps[0].status).toBe("stopped");
  expect(hits.get("/rollback")).toBe(1);

  expect(JSON.parse(await report(trial.body.id, "json")).experiments[0].trials[0].guards[0]).toMatchObject({
    name: "checkout health",
    failures: 2,
  });
  for (const format of ["html", "md", "junit", "xml"])
    expect(await report(trial.body.id, format)).toContain("checkout health");
});

test("a schedule's and a trial's own guards are added to the experiment's", async () => {
  const exp = await api("POST", "/api/v1/experiment/", { name: "extra guards", steps: [] });
  const bad = await api("POST", "/api/v1/trial/", { experiment: exp.body.id, guards: [{ do: "cm.nope", where: {} }] });
  expect(bad.status).toBe(400);
  expect(bad.body).toEqual({ guards: { "0": { do: [expect.stringContaining("cm.nope")] } } });
  const s = await api("POST", `/api/v1/experiment/${exp.body.id}/schedule/`, {
    recurrence_pattern: "@daily",
    guards: [{ do: "cm.http_probe", where: { url: `${base}/health` } }],
  });
  expect(s.body.guards).toEqual([
    { do: "cm.http_probe", where: { url: `${base}/health` }, interval_seconds: 10, tolerance: 0 },
  ]);
  const t = await api("POST", "/api/v1/trial/", {
    experiment: exp.body.id,
    guards: [{ name: "mine", do: "cm.http_probe", where: { url: `${base}/health` }, interval_seconds: 2 }],
  });
  expect(t.body.guards).toMatchObject([{ name: "mine", interval_seconds: 2, tolerance: 0 }]);
});

test("a global guard configured to STOP sets STOP, names itself, and is audited", async () => {
  startRunner();
  const created = await api("POST", "/api/v1/guard", {
    name: "payments up",
    step: { do: "cm.http_probe", where: { url: `${base}/health` } },
    interval_seconds: 1,
    action: "STOP",
  });
  expect(created.status).toBe(201);
  expect(
    (await api("POST", "/api/v1/guard", { name: "x", step: { do: "cm.http_probe", where: {} } }, { as: "operator" }))
      .status,
  ).toBe(403);
  await until(
    "a passing check",
    async () => (await api("GET", `/api/v1/guard/${created.body.id}`)).body.last_ok === true,
  );
  expect((await readSignal(getDb())).state).toBe("RUN");
  healthy = false;
  const signal = await until(
    "STOP",
    async () => {
      const now = await readSignal(getDb());
      return now.state === "STOP" && now;
    },
    15_000,
  );
  expect(signal.setBy).toBe("guard:payments up");
  expect(signal.reason).toMatch(/^guard "payments up" failed 1 times in a row: .*503/);
  const guard = (await api("GET", `/api/v1/guard/${created.body.id}`)).body;
  expect(guard).toMatchObject({ last_ok: false, action: "STOP" });
  expect(guard.tripped_at).not.toBeNull();
  const audit = (await api("GET", "/api/v1/audit/")).body as { action: string; actor: string }[];
  expect(audit.find((a) => a.action === "signal.set" && a.actor === "guard:payments up")).toBeDefined();
});

const skip = prometheusSkipReason();
describe.skipIf(skip !== null)(skip ? `global Prometheus guard: SKIPPED, ${skip}` : "global Prometheus guard", () => {
  let errors = 0;
  const metrics = (): Metric[] => [{ name: "eris_checkout_errors", type: "gauge", series: [{ value: errors }] }];
  let prom: Awaited<ReturnType<typeof startPrometheus>> | undefined;
  afterAll(() => prom?.stop(), 15_000);

  test("an alert query on a real Prometheus: when it fires, the signal goes to PAUSE with the guard as the reason", async () => {
    prom = await startPrometheus(metrics);
    while (prom.scrapes() < 3) await new Promise((r) => setTimeout(r, 100));
    startRunner();
    const created = await api("POST", "/api/v1/guard", {
      name: "checkout error alert",
      step: {
        do: "prom.query",
        where: { base_url: prom.baseUrl, query: "count(eris_checkout_errors > 5) or vector(0)" },
        expect: [{ operator: "eq", "data.result[0].value[1]": "0" }],
      },
      interval_seconds: 1,
    });
    expect(created.status).toBe(201);
    await until(
      "a passing check",
      async () => (await api("GET", `/api/v1/guard/${created.body.id}`)).body.last_ok === true,
      20_000,
    );
    expect((await readSignal(getDb())).state).toBe("RUN");
    errors = 9;
    const signal = await until(
      "PAUSE",
      async () => {
        const now = await readSignal(getDb());
        return now.state === "PAUSE" && now;
      },
      30_000,
    );
    expect(signal.setBy).toBe("guard:checkout error alert");
    expect(signal.reason).toContain('guard "checkout error alert" failed');
    expect(signal.reason).toContain("Expectation failed");
  }, 90_000);
});
