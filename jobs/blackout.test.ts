/**
 * Blackout windows through the real runner: a window that opens while a trial runs stops it when
 * the window says so (post_steps run), and a trial queued before a window opened is not started in it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { api } from "@/e2e/api/client";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { setSignal } from "@/lib/signal/service";

let rollbacks = 0;
let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    rollbacks++;
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
afterEach(async () => {
  killRunners();
  await setSignal(getDb(), { state: "RUN", reason: "" }, "test");
  for (const w of (await api("GET", "/api/v1/blackout")).body) await api("DELETE", `/api/v1/blackout/${w.id}`);
});

const iso = (ms: number) => new Date(ms).toISOString();
const read = async (id: string) => (await api("GET", `/api/v1/trial/${id}/`)).body;

test("a window that opens while a trial runs stops it (on_running: stop); its rollback runs once", async () => {
  const r = startRunner();
  await until("the runner active", () => r.logs().includes("lease acquired"));
  const exp = await api("POST", "/api/v1/experiment/", {
    name: "runs into the freeze",
    steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
    post_steps: [{ do: "cm.http_probe", where: { url: `${base}/rollback` } }],
  });
  const t = await api("POST", "/api/v1/trial/", { experiment: exp.body.id });
  expect(t.body.status).toBe("Scheduled");
  await until("running", async () => (await read(t.body.id)).status === "In Progress");
  await api("POST", "/api/v1/blackout", {
    name: "freeze",
    experiment: exp.body.id,
    kind: "fixed",
    starts_at: iso(Date.now() + 1500),
    ends_at: iso(Date.now() + 3_600_000),
    on_running: "stop",
  });
  const done = await until("stopped", async () => {
    const x = await read(t.body.id);
    return x.status === "Stopped" && x;
  });
  expect(done.status_reason).toMatch(/^stopped by blackout window "freeze" \(from /);
  expect(rollbacks).toBe(1);
});

test("a trial queued before a window opened is Skipped when the runner reaches it inside the window", async () => {
  startRunner();
  const exp = await api("POST", "/api/v1/experiment/", {
    name: "queued",
    steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }],
  });
  await setSignal(getDb(), { state: "PAUSE", reason: "hold the queue" }, "test");
  const t = await api("POST", "/api/v1/trial/", { experiment: exp.body.id });
  expect(t.body.status).toBe("Scheduled");
  await api("POST", "/api/v1/blackout", {
    name: "freeze",
    kind: "fixed",
    starts_at: iso(Date.now() - 1000),
    ends_at: iso(Date.now() + 3_600_000),
  });
  await setSignal(getDb(), { state: "RUN", reason: "" }, "test");
  const done = await until("skipped", async () => {
    const x = await read(t.body.id);
    return x.status === "Skipped" && x;
  });
  expect(done.status_reason).toMatch(/^blackout window "freeze"/);
  expect(done.trial_record.steps).toBeUndefined(); // nothing ran
});
