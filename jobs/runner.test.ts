/**
 * The runner as a real process (node + tsx) against the test file's SQLite database: due times,
 * takeover after kill -9, crash recovery, the signal, stop and graceful shutdown.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { type Trial, trials } from "@/db/schema";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { scheduleSchema } from "@/lib/schedules/schemas";
import { ScheduleService } from "@/lib/schedules/service";
import { setSignal } from "@/lib/signal/service";
import { TrialService } from "@/lib/trials/service";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { currentHolder } from "./lease";

const db = () => getDb();
let probeHits = 0;
let probe: http.Server;
let probeUrl = "";

beforeAll(async () => {
  probe = http.createServer((_req, res) => {
    probeHits++;
    res.end("ok");
  });
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/rollback`;
});
afterAll(() => probe.close());
afterEach(async () => {
  killRunners();
  setSignal(db(), { state: "RUN", reason: "" }, "test");
  // leave no queued work for the next test's runner
  db().update(trials).set({ status: "Failed" }).where(eq(trials.status, "Scheduled")).run();
  await new Promise((r) => setTimeout(r, 100));
});

function experiment(body: Record<string, unknown>) {
  return new ExperimentService(db()).create(createExperimentSchema.parse({ name: "runner test", ...body }), "t");
}
function trialFor(experimentId: string) {
  return new TrialService(db()).create(
    { experiment: experimentId, parameters: {}, metadata: {}, ticket: {}, initiated_from: "test" },
    "t",
  );
}
const trial = (id: string) => db().select().from(trials).where(eq(trials.id, id)).get() as Trial;
const statusIs =
  (id: string, ...s: Trial["status"][]) =>
  () =>
    s.includes(trial(id).status) && trial(id);

test("an every-second schedule fires on time, never early, each slot once", async () => {
  const r = startRunner();
  await until("runner active", () => r.logs().includes("lease acquired"));
  const exp = experiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] });
  const s = new ScheduleService(db()).create(
    exp.id,
    scheduleSchema.parse({ recurrence_pattern: "* * * * * *", concurrency_policy: "Allow", recurrence_count: 4 }),
    "t",
  );
  const done = await until("4 trials", () => {
    const rows = db().select().from(trials).where(eq(trials.scheduleId, s.id)).all();
    return rows.length === 4 && rows.every((t) => t.status === "Succeeded") && rows;
  });
  const slots = done.map((t) => t.scheduledFor).sort();
  expect(new Set(slots).size).toBe(4);
  for (const t of done) {
    expect(t.scheduledFor % 1000).toBe(0);
    expect(t.executedAt! - t.scheduledFor).toBeGreaterThanOrEqual(0); // never early
    expect(t.executedAt! - t.scheduledFor).toBeLessThan(1000);
  }
  expect(r.logs()).toContain("schedule fired");
});

test("kill -9 mid-trial: a second runner takes over, rolls back and records the interruption", async () => {
  const a = startRunner();
  await until("runner A holds the lease", () => currentHolder(db())?.holder.includes(`:${a.proc.pid}:`));
  const exp = experiment({
    steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
    post_steps: [{ do: "cm.http_probe", where: { url: probeUrl } }],
  });
  const t = trialFor(exp.id);
  await until("the step running", () => (trial(t.id).records as { steps?: unknown[] }).steps?.length);
  probeHits = 0;
  a.proc.kill("SIGKILL");
  await a.exited;
  const started = Date.now();
  const b = startRunner();
  const ended = await until("recovered", statusIs(t.id, "Failed"));
  expect(Date.now() - started).toBeLessThan(8000);
  expect(ended.statusReason).toBe("runner interrupted");
  expect(probeHits).toBe(1); // post_steps ran once, as the rollback
  const records = ended.records as { steps: { status: string }[]; result: { logs: string[] }[] };
  expect(records.steps[0].status).toBe("interrupted");
  expect(records.result[0].logs[0]).toContain("Trial Failed. Type: RunnerInterrupted");
  expect(b.logs()).toContain("trial recovered");
});

test("a waiting runner takes over within seconds when the active one dies", async () => {
  const a = startRunner();
  await until("A active", () => currentHolder(db())?.holder.includes(`:${a.proc.pid}:`));
  const b = startRunner();
  await until("B waiting", () => b.logs().includes("waiting for the lease"));
  a.proc.kill("SIGKILL");
  const killedAt = Date.now();
  await until("B active", () => currentHolder(db())?.holder.includes(`:${b.proc.pid}:`));
  expect(Date.now() - killedAt).toBeLessThan(5000);
});

test("stopping a running trial aborts its step; post_steps run; status Stopped", async () => {
  startRunner();
  const exp = experiment({
    steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
    post_steps: [{ do: "cm.http_probe", where: { url: probeUrl } }],
  });
  const t = trialFor(exp.id);
  await until("running", statusIs(t.id, "In Progress"));
  probeHits = 0;
  new TrialService(db()).stop(t.id, "alice");
  const ended = await until("stopped", statusIs(t.id, "Stopped"), 5000);
  expect(ended.statusReason).toBe("stopped by alice");
  expect(probeHits).toBe(1);
});

test("PAUSE holds before the next step until RUN; STOP stops the running trial", async () => {
  startRunner();
  const exp = experiment({
    steps: [
      { do: "cm.wait", where: { time_in_seconds: 0.5 } },
      { do: "cm.wait", where: { time_in_seconds: 0 } },
    ],
  });
  const t = trialFor(exp.id);
  await until("the first step running", () => (trial(t.id).records as { steps?: unknown[] }).steps?.length);
  setSignal(db(), { state: "PAUSE", reason: "deploy" }, "oncall");
  await new Promise((r) => setTimeout(r, 1500));
  const held = trial(t.id);
  expect(held.status).toBe("In Progress");
  expect((held.records as { steps: unknown[] }).steps).toHaveLength(1); // the first step finished, the second waits
  setSignal(db(), { state: "RUN", reason: "" }, "oncall");
  await until("finished", statusIs(t.id, "Succeeded"));

  const long = experiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }] });
  const t2 = trialFor(long.id);
  await until("running", statusIs(t2.id, "In Progress"));
  setSignal(db(), { state: "STOP", reason: "incident" }, "oncall");
  const stopped = await until("stopped", statusIs(t2.id, "Stopped"), 5000);
  expect(stopped.statusReason).toBe("stopped by global STOP by oncall: incident");
});

test("the Krkn-compatible listener reads and sets the signal over plain HTTP", async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const r = startRunner({ ERIS_SIGNAL_PORT: String(port) });
  await until("listening", () => r.logs().includes("signal listener"));
  const base = `http://127.0.0.1:${port}`;
  expect(await (await fetch(`${base}/`)).text()).toBe("RUN");
  expect(await (await fetch(`${base}/PAUSE`, { method: "POST" })).text()).toBe("PAUSE");
  expect(await (await fetch(`${base}/`)).text()).toBe("PAUSE");
  expect(await (await fetch(`${base}/RUN`, { method: "POST" })).text()).toBe("RUN");
  expect((await fetch(`${base}/BOGUS`, { method: "POST" })).status).toBe(404);
});

test("SIGTERM lets the step run out its grace period, runs post_steps, records the stop and exits 0", async () => {
  const r = startRunner();
  const exp = experiment({
    steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
    post_steps: [{ do: "cm.http_probe", where: { url: probeUrl } }],
  });
  const t = trialFor(exp.id);
  await until("running", statusIs(t.id, "In Progress"));
  probeHits = 0;
  r.proc.kill("SIGTERM");
  expect(await r.exited).toBe(0);
  const ended = trial(t.id);
  expect(ended.status).toBe("Stopped");
  expect(ended.statusReason).toBe("stopped by runner shutdown (SIGTERM, grace period over)");
  expect(probeHits).toBe(1);
  expect(currentHolder(db())).toBeNull(); // the lease was released
});

test("restarting the runner neither repeats nor loses a slot", async () => {
  const a = startRunner();
  await until("runner active", () => a.logs().includes("lease acquired"));
  const exp = experiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] });
  const s = new ScheduleService(db()).create(
    exp.id,
    scheduleSchema.parse({ recurrence_pattern: "@every 1s", concurrency_policy: "Allow", recurrence_count: 5 }),
    "t",
  );
  const ofSchedule = () => db().select().from(trials).where(eq(trials.scheduleId, s.id)).all();
  await until("two firings", () => ofSchedule().length >= 2);
  a.proc.kill("SIGTERM");
  await a.exited;
  startRunner();
  const ran = (rows: Trial[]) => rows.filter((t) => t.status !== "Skipped");
  const all = await until("five runs", () => ran(ofSchedule()).length === 5 && ofSchedule());
  // Every slot appears once; slots missed during the restart are recorded as such, not lost.
  const slots = all.map((t) => t.scheduledFor).sort((x, y) => x - y);
  expect(new Set(slots).size).toBe(slots.length);
  for (let i = 1; i < slots.length; i++) expect(slots[i] - slots[i - 1]).toBe(1000);
  for (const t of all.filter((t) => t.status === "Skipped")) expect(t.statusReason).toMatch(/^missed/);
  await until("all finished", () => ran(ofSchedule()).every((t) => t.status === "Succeeded"));
});
