/**
 * The runner as a real process (node + tsx) against the test file's SQLite database: due times,
 * takeover after kill -9, crash recovery, the signal, stop and graceful shutdown.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { type Trial, trials } from "@/db/tables";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { scheduleSchema } from "@/lib/schedules/schemas";
import { ScheduleService } from "@/lib/schedules/service";
import { setSignal } from "@/lib/signal/service";
import { createTrialSchema } from "@/lib/trials/schemas";
import { TrialService } from "@/lib/trials/service";
import { api } from "@/e2e/api/client";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { currentLease } from "@/lib/runner/lease";

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
  await setSignal(db(), { state: "RUN", reason: "" }, "test");
  // leave no queued work for the next test's runner
  await db().update(trials).set({ status: "Failed" }).where(eq(trials.status, "Scheduled"));
  await new Promise((r) => setTimeout(r, 100));
});

function experiment(body: Record<string, unknown>) {
  return new ExperimentService(db()).create(createExperimentSchema.parse({ name: "runner test", ...body }), "t");
}
async function trialFor(experimentId: string) {
  return new TrialService(db()).create(
    createTrialSchema.parse({ experiment: experimentId, parameters: {}, initiated_from: "test" }),
    "t",
  );
}
/** The live lease holder's runner process, by pid. */
const heldBy = async (pid: number | undefined) => {
  const l = await currentLease(db());
  return !!l && l.expiresAt > Date.now() && l.holder.split(":")[1] === String(pid);
};
const trial = async (id: string) => (await db().select().from(trials).where(eq(trials.id, id)).limit(1))[0] as Trial;
const statusIs =
  (id: string, ...s: Trial["status"][]) =>
  async () => {
    const t = await trial(id);
    return s.includes(t.status) && t;
  };

test("an every-second schedule fires on time, never early, each slot once", async () => {
  const r = startRunner();
  await until("runner active", () => r.logs().includes("lease acquired"));
  const exp = await experiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] });
  const s = await new ScheduleService(db()).create(
    exp.id,
    scheduleSchema.parse({ recurrence_pattern: "* * * * * *", concurrency_policy: "Allow", recurrence_count: 4 }),
    "t",
  );
  const done = await until("4 trials", async () => {
    const rows = await db().select().from(trials).where(eq(trials.scheduleId, s.id));
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
  await until("runner A holds the lease", () => heldBy(a.proc.pid));
  const exp = await experiment({
    steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
    post_steps: [{ do: "cm.http_probe", where: { url: probeUrl } }],
  });
  const t = await trialFor(exp.id);
  await until("the step running", async () => ((await trial(t.id)).records as { steps?: unknown[] }).steps?.length);
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
  // The line follows the commit by a moment; on a busy machine it reaches the pipe a little later.
  await until("the recovery logged", () => b.logs().includes("trial recovered"), 5000);
});

test("a waiting runner takes over within seconds when the active one dies", async () => {
  const a = startRunner();
  await until("A active", () => heldBy(a.proc.pid));
  const b = startRunner();
  await until("B waiting", () => b.logs().includes("waiting for the lease"));
  a.proc.kill("SIGKILL");
  const killedAt = Date.now();
  await until("B active", () => heldBy(b.proc.pid));
  expect(Date.now() - killedAt).toBeLessThan(5000);
});

test("stopping a running trial aborts its step; post_steps run; status Stopped", async () => {
  startRunner();
  const exp = await experiment({
    steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
    post_steps: [{ do: "cm.http_probe", where: { url: probeUrl } }],
  });
  const t = await trialFor(exp.id);
  await until("running", statusIs(t.id, "In Progress"));
  probeHits = 0;
  await new TrialService(db()).stop(t.id, "alice");
  const ended = await until("stopped", statusIs(t.id, "Stopped"), 5000);
  expect(ended.statusReason).toBe("stopped by alice");
  expect(probeHits).toBe(1);
});

test("PAUSE holds before the next step until RUN; STOP stops the running trial", async () => {
  startRunner();
  const exp = await experiment({
    steps: [
      { do: "cm.wait", where: { time_in_seconds: 0.5 } },
      { do: "cm.wait", where: { time_in_seconds: 0 } },
    ],
  });
  const t = await trialFor(exp.id);
  await until(
    "the first step running",
    async () => ((await trial(t.id)).records as { steps?: unknown[] }).steps?.length,
  );
  await setSignal(db(), { state: "PAUSE", reason: "deploy" }, "oncall");
  await new Promise((r) => setTimeout(r, 1500));
  const held = await trial(t.id);
  expect(held.status).toBe("In Progress");
  expect((held.records as { steps: unknown[] }).steps).toHaveLength(1); // the first step finished, the second waits
  await setSignal(db(), { state: "RUN", reason: "" }, "oncall");
  await until("finished", statusIs(t.id, "Succeeded"));

  const long = await experiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }] });
  const t2 = await trialFor(long.id);
  await until("running", statusIs(t2.id, "In Progress"));
  await setSignal(db(), { state: "STOP", reason: "incident" }, "oncall");
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
  const exp = await experiment({
    steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }],
    post_steps: [{ do: "cm.http_probe", where: { url: probeUrl } }],
  });
  const t = await trialFor(exp.id);
  // The step itself running (a trial is In Progress from its claim, before its first step starts).
  const stepRunning = async () =>
    ((await trial(t.id)).records as { steps?: { status: string }[] }).steps?.[0]?.status === "running";
  await until("the step running", stepRunning);
  probeHits = 0;
  r.proc.kill("SIGTERM");
  expect(await r.exited).toBe(0);
  const ended = await trial(t.id);
  expect(ended.status).toBe("Stopped");
  expect(ended.statusReason).toBe("stopped by runner shutdown (SIGTERM, grace period over)");
  expect(probeHits).toBe(1);
  expect((await currentLease(db()))!.expiresAt).toBeLessThanOrEqual(Date.now()); // the lease was released
});

test("restarting the runner neither repeats nor loses a slot", async () => {
  const a = startRunner();
  await until("runner active", () => a.logs().includes("lease acquired"));
  const exp = await experiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] });
  const s = await new ScheduleService(db()).create(
    exp.id,
    scheduleSchema.parse({ recurrence_pattern: "@every 1s", concurrency_policy: "Allow", recurrence_count: 5 }),
    "t",
  );
  const ofSchedule = () => db().select().from(trials).where(eq(trials.scheduleId, s.id));
  await until("two firings", async () => (await ofSchedule()).length >= 2);
  a.proc.kill("SIGTERM");
  await a.exited;
  startRunner();
  const ran = (rows: Trial[]) => rows.filter((t) => t.status !== "Skipped");
  const all = await until("five runs", async () => {
    const rows = await ofSchedule();
    return ran(rows).length === 5 && rows;
  });
  // Every slot appears once; slots missed during the restart are recorded as such, not lost.
  const slots = all.map((t) => t.scheduledFor).sort((x, y) => x - y);
  expect(new Set(slots).size).toBe(slots.length);
  for (let i = 1; i < slots.length; i++) expect(slots[i] - slots[i - 1]).toBe(1000);
  for (const t of all.filter((t) => t.status === "Skipped")) expect(t.statusReason).toMatch(/^missed/);
  await until("all finished", async () => ran(await ofSchedule()).every((t) => t.status === "Succeeded"));
});

test("the runner route reports the lease holder, its heartbeat, restarts and the trial it runs; then its absence", async () => {
  const r = startRunner({ ERIS_RUNNER_RESTARTS: "2" });
  await until("active", () => heldBy(r.proc.pid));
  const exp = await experiment({ steps: [{ do: "cm.wait", where: { time_in_seconds: 60 } }] });
  const t = await trialFor(exp.id);
  await until("running", statusIs(t.id, "In Progress"));
  const up = await api("GET", "/api/v1/runner", undefined, { as: "viewer" });
  expect(up.status).toBe(200);
  expect(up.body).toMatchObject({ active: true, restarts: 2, running_trial: t.id });
  expect(up.body.holder.split(":")[1]).toBe(String(r.proc.pid));
  expect(up.body.heartbeat_age_ms).toBeLessThan(1500);
  expect((await api("GET", "/api/v1/runner", undefined, { as: "anonymous" })).status).toBe(401);

  r.proc.kill("SIGKILL");
  await r.exited;
  const down = await until("the lease expired", async () => {
    const res = await api("GET", "/api/v1/runner");
    return res.body.active === false && res;
  });
  expect(down.body.heartbeat_age_ms).toBeGreaterThanOrEqual(1500);
  // The public health route never reports the runner: a container health check must not restart the web.
  expect((await api("GET", "/api/v1/health", undefined, { as: "anonymous" })).body).toEqual({ status: "up" });
});
