/**
 * Eris started exactly as the container image starts it (the Dockerfile's CMD and ENV, so JSON logs),
 * then used as a service: the image's health check command; a real Prometheus scraping /metrics with
 * the metrics token while trials run, the trial counters moving; every log line of supervisor, web
 * and runner parsing as JSON, API lines with a request id, runner lines about a trial with its id;
 * SIGTERM (what tini passes on) ending everything cleanly.
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { afterAll, beforeAll, expect, test } from "vitest";
import { execForm } from "@/e2e/fixtures/dockerfile";
import { ensureBuilt } from "@/e2e/fixtures/eris-process";
import { type Image, imageStage, startImage } from "@/e2e/fixtures/image-process";
import { type PrometheusFixture, prometheusSkipReason, startPrometheusFor } from "@/e2e/fixtures/prometheus";
import { until } from "@/e2e/fixtures/runner-process";

const METRICS_TOKEN = "metrics-token-for-the-image-test";
const stage = imageStage();
let main: Image;
let proc: ChildProcess;
let port = 0;
let prom: Omit<PrometheusFixture, "scrapes"> | null = null;
const call = (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) =>
  main.call(method, p, body, headers);

beforeAll(async () => {
  ensureBuilt();
  main = await startImage({ ERIS_METRICS_TOKEN: METRICS_TOKEN });
  ({ proc, port } = main);
}, 600_000);

afterAll(async () => {
  await prom?.stop();
  if (proc?.exitCode === null) process.kill(-(proc.pid as number), "SIGKILL");
});

test("the image's health check command passes against it, and fails when nothing answers", () => {
  const check = execForm(stage.find((i) => i.op === "HEALTHCHECK"));
  expect(check[0]).toBe("node");
  const run = (p: number) =>
    spawnSync(process.execPath, check.slice(1), {
      env: { PORT: String(p) } as unknown as NodeJS.ProcessEnv,
      timeout: 10_000,
    }).status;
  expect(run(port)).toBe(0);
  expect(run(1)).not.toBe(0);
});

test("Prometheus scrapes /metrics with the token, and the trial counters move when trials run", {
  timeout: 120_000,
}, async (ctx) => {
  if (prometheusSkipReason()) return ctx.skip();
  expect((await call("GET", "/metrics", undefined, { authorization: "" })).status).toBe(401);
  expect((await call("GET", "/metrics", undefined, { authorization: "Bearer wrong-token-wrong-token" })).status).toBe(
    401,
  );
  const started = performance.now();
  const scrape = await call("GET", "/metrics", undefined, { authorization: `Bearer ${METRICS_TOKEN}` });
  console.log(`/metrics answered in ${(performance.now() - started).toFixed(1)} ms (${scrape.text.length} bytes)`);
  expect(scrape.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  expect(scrape.text).toContain("eris_runner_lease_held 1");
  expect(scrape.text).toContain('eris_signal_state{state="RUN"} 1');
  expect(scrape.text).toMatch(
    /eris_http_requests_total\{route="\/api\/v1\/auth\/token",method="POST",status="201"\} 1/,
  );

  prom = await startPrometheusFor({ address: `127.0.0.1:${port}`, bearer: METRICS_TOKEN });
  const query = async (q: string) => {
    const res = await fetch(`${prom?.baseUrl}/api/v1/query?query=${encodeURIComponent(q)}`);
    return ((await res.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } })
      .data.result;
  };
  const exp = await call("POST", "/api/v1/experiment/", {
    name: "scraped",
    steps: [{ step: "Wait a moment", do: "cm.wait", where: { time_in_seconds: 0.2 } }],
  });
  const before = await query('eris_trials_total{experiment="scraped"}');
  expect(before).toEqual([]);
  for (let i = 0; i < 2; i++) {
    const t = await call("POST", "/api/v1/trial/", { experiment: exp.body.id });
    await until(
      "trial done",
      async () => (await call("GET", `/api/v1/trial/${t.body.id}/`)).body.status === "Succeeded",
    );
  }
  const moved = await until(
    "Prometheus sees both trials",
    async () => {
      const r = await query('eris_trials_total{experiment="scraped",status="Succeeded"}');
      return r[0]?.value[1] === "2" ? r : null;
    },
    30_000,
  );
  expect(moved[0].metric).toMatchObject({ experiment_id: exp.body.id, job: "eris-target" });
  const steps = await query('eris_step_duration_seconds_count{action="cm.wait",phase="steps",status="succeeded"}');
  expect(steps[0]?.value[1]).toBe("2");
  const byRoute = await query('eris_http_requests_total{route="/api/v1/trial/{id}",method="GET",status="200"}');
  expect(Number(byRoute[0]?.value[1])).toBeGreaterThan(0);
});

test("every log line is JSON: API lines carry the request id, runner lines about a trial its id; SIGTERM ends it cleanly", {
  timeout: 120_000,
}, async () => {
  const exp = await call("POST", "/api/v1/experiment/", {
    name: "logged",
    steps: [{ do: "cm.wait", where: { time_in_seconds: 30 } }],
  });
  const sent = await call("GET", "/api/v1/experiment/", undefined, { "x-request-id": "ci-run-42" });
  expect(sent.headers.get("x-request-id")).toBe("ci-run-42");
  const t = await call("POST", "/api/v1/trial/", { experiment: exp.body.id });
  await until(
    "the trial running",
    async () => (await call("GET", `/api/v1/trial/${t.body.id}/`)).body.status === "In Progress",
  );
  await call("GET", "/api/v1/experiment/not-a-uuid/");

  // As tini does: SIGTERM to the supervisor; the runner stops the trial and rolls it back.
  const exited = new Promise<number | null>((r) => proc.on("exit", (code) => r(code)));
  process.kill(proc.pid as number, "SIGTERM");
  expect(await exited).toBe(0);

  const lines = main
    .out()
    .split("\n")
    .filter((l) => l.trim());
  const parsed = lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`not JSON: ${line}`);
    }
  });
  for (const l of parsed) expect(Object.keys(l).slice(0, 4)).toEqual(["time", "level", "process", "msg"]);
  const processes = new Set(parsed.map((l) => l.process));
  for (const p of ["supervisor", "web", "runner"]) expect(processes).toContain(p);

  const api = parsed.filter((l) => l.process === "web" && l.msg === "request");
  expect(api.length).toBeGreaterThan(5);
  for (const l of api) expect(l.request_id, JSON.stringify(l)).toMatch(/^[\w.:-]+$/);
  expect(api.find((l) => l.request_id === "ci-run-42")).toMatchObject({ route: "/api/v1/experiment", status: 200 });
  expect(api.find((l) => l.path === "/api/v1/experiment/not-a-uuid/")).toMatchObject({
    route: "/api/v1/experiment/{id}",
    status: 404,
  });

  const aboutTrials = parsed.filter(
    (l) => l.process === "runner" && (/^trial |recovering|notification/.test(String(l.msg)) || l.running_trial),
  );
  expect(aboutTrials.map((l) => l.msg)).toEqual(expect.arrayContaining(["trial started", "trial finished"]));
  for (const l of aboutTrials) expect(l.trial_id, JSON.stringify(l)).toMatch(/^[0-9a-f-]{36}$/);
  const ours = aboutTrials.filter((l) => l.trial_id === t.body.id);
  expect(
    ours.map((l) => l.msg),
    JSON.stringify(parsed.filter((l) => l.process === "runner")),
  ).toEqual(expect.arrayContaining(["trial started", "shutting down", "trial finished"]));
  expect(ours.find((l) => l.msg === "trial finished")).toMatchObject({ status: "Stopped" });
  expect(parsed.at(-1)?.process).toBe("supervisor");
});
