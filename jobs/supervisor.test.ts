/**
 * Eris as a user runs it: the real `npm start` (npm → supervisor → web + runner) in its own process
 * group. Real SIGKILLs of the runner and the supervisor, real SIGTERM/SIGINT to the group, to the
 * supervisor and to npm alone; the rollback must run exactly once and no process may be left behind.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDb, openDatabase } from "@/db/client";
import { trials } from "@/db/tables";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { type Eris, alive, descendants, ensureBuilt, startEris, watchHealth } from "@/e2e/fixtures/eris-process";
import { until } from "@/e2e/fixtures/runner-process";
import { soak, startProbe, summarize } from "@/e2e/fixtures/soak";

let probe: Awaited<ReturnType<typeof startProbe>>;
const started: Eris[] = [];

beforeAll(async () => {
  ensureBuilt();
  probe = await startProbe();
}, 600_000);
afterAll(() => probe.close());
afterEach(() => {
  for (const e of started.splice(0)) e.kill();
});

async function eris(env: Record<string, string> = {}, opts: { waitForRunner?: boolean } = {}) {
  const e = await startEris(env, opts);
  started.push(e);
  return e;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const describe = (pid: number) => {
  try {
    return `${pid} ${execFileSync("ps", ["-o", "args=", "-p", String(pid)])
      .toString()
      .trim()}`;
  } catch {
    return `${pid} (gone)`;
  }
};

/** A trial row read straight from the instance's database (the server may be gone). */
async function storedTrial(e: Eris, id: string) {
  const { DATABASE_PATH, DATABASE_URL } = e.databaseEnv;
  const db = openDatabase({ databasePath: DATABASE_PATH, databaseUrl: DATABASE_URL ?? null });
  try {
    const [row] = await db
      .select({ status: trials.status, status_reason: trials.statusReason, records: trials.records })
      .from(trials)
      .where(eq(trials.id, id));
    type Records = { post_steps?: { status?: string }[] };
    return { ...row, records: row.records as Records } as {
      status: string;
      status_reason: string | null;
      records: Records;
    };
  } finally {
    await closeDb(db);
  }
}

/** An experiment whose step waits long, with a rollback that probes, waits `rollback` s, probes again. */
async function longTrial(e: Eris, run: string, rollback = 3) {
  const exp = await e.api("POST", "/api/v1/experiment/", {
    name: `long step ${run}`,
    steps: [{ do: "cm.wait", where: { time_in_seconds: 120 } }],
    post_steps: [
      { do: "cm.http_probe", where: { url: `${probe.base}/{{ run }}/first` } },
      { do: "cm.wait", where: { time_in_seconds: rollback } },
      { do: "cm.http_probe", where: { url: `${probe.base}/{{ run }}/last` } },
    ],
  });
  const t = await e.api("POST", "/api/v1/trial/", { experiment: exp.body.id, parameters: { run } });
  await until("the step running", async () => {
    const got = await e.api("GET", `/api/v1/trial/${t.body.id}/`);
    return got.body.trial_record.steps?.[0]?.status === "running";
  });
  return t.body.id as string;
}

test("kill -9 of the runner, 20 times, during steps and rollbacks of 0.1, 4 and 9 s: every rollback completes once", async () => {
  const e = await eris();
  const report = await soak(e, probe, 20);
  expect(report.problems).toEqual([]);
  expect(report.kills).toBeGreaterThanOrEqual(20);
  expect(report.takeoverMs).toHaveLength(report.kills); // a runner came back by itself after every kill
  expect(report.health.checks).toBeGreaterThan(50);
  console.log("soak", { kills: report.kills, trials: report.trials, takeover: summarize(report.takeoverMs) });
}, 600_000);

test("a runner that dies at once on every start: the supervisor backs off, says so, and the web keeps answering", async () => {
  const e = await eris({ ERIS_CONFIG: "/nonexistent/eris.config.json" }, { waitForRunner: false });
  const health = watchHealth(e.base);
  await until("three failed starts", () => /failed to start 3 times in a row/.test(e.logs()), 90_000);
  const { failures, checks } = await health.stop();
  expect(failures).toBe(0);
  expect(checks).toBeGreaterThan(5);
  expect(e.logs()).toMatch(/runner is crash-looping: it failed to start 2 times in a row .* next attempt in 2\.0 s/);
  expect(e.logs()).toMatch(/runner is crash-looping: it failed to start 3 times in a row .* next attempt in 4\.0 s/);
  expect(e.logs()).toContain("ERIS_CONFIG: /nonexistent/eris.config.json does not exist");
}, 150_000);

const SHUTDOWNS: [string, NodeJS.Signals][] = [
  ["the whole group", "SIGTERM"],
  ["the supervisor alone", "SIGINT"],
  ["npm's own process alone", "SIGTERM"],
  ["npm's own process alone", "SIGINT"],
];

test.each(SHUTDOWNS)(
  "%s gets %s during a long step: the trial is Stopped, rolled back once, nothing left running",
  async (to, signal) => {
    const e = await eris({ ERIS_RUNNER_GRACE_MS: "1000" });
    const run = `shutdown-${to.replace(/\W+/g, "-")}-${signal}`;
    const id = await longTrial(e, run);
    const npmPid = e.proc.pid as number;
    const tree = descendants(npmPid);
    const supervisor = tree.find((p) =>
      execFileSync("ps", ["-o", "args=", "-p", String(p)])
        .toString()
        .includes("jobs/launch.mjs start"),
    );
    if (to === "the whole group") e.signalGroup(signal);
    else if (to === "the supervisor alone") process.kill(supervisor as number, signal);
    else process.kill(npmPid, signal);
    await until("npm exited", () => e.proc.exitCode !== null || e.proc.signalCode !== null, 60_000);
    const t = await storedTrial(e, id);
    expect(t.status).toBe("Stopped");
    expect(t.status_reason).toBe(`stopped by runner shutdown (${signal}, grace period over)`);
    expect(probe.hit(`/${run}/first`)).toBe(1);
    expect(probe.hit(`/${run}/last`)).toBe(1);
    await until("no process of the tree left", () => tree.filter(alive).length === 0, 5000).catch(() => {
      throw new Error(`left running: ${tree.filter(alive).map(describe).join("; ")}`);
    });
    expect(e.logs()).not.toContain("second signal");
  },
  90_000,
);

test("a deliberate second signal exits at once; the next start rolls the trial back", async () => {
  const first = await eris({ ERIS_RUNNER_GRACE_MS: "500" });
  const id = await longTrial(first, "second-signal", 5);
  first.signalGroup("SIGTERM");
  await until(
    "the rollback running",
    async () => (await storedTrial(first, id)).records.post_steps?.[1]?.status === "running",
  );
  await sleep(1200);
  first.signalGroup("SIGTERM");
  await until("npm exited", () => first.proc.exitCode !== null || first.proc.signalCode !== null, 15_000);
  expect(first.logs()).toMatch(/second signal: exiting now .*trial_left_in_progress=/);
  expect((await storedTrial(first, id)).status).toBe("In Progress");

  const again = await eris(first.databaseEnv);
  await until(
    "rolled back",
    async () => (await again.api("GET", `/api/v1/trial/${id}/`)).body.status === "Failed",
    60_000,
  );
  expect(probe.hit("/second-signal/first")).toBe(1); // done before the forced exit: not run again
  expect(probe.hit("/second-signal/last")).toBe(1);
}, 120_000);

test("kill -9 of the supervisor: the runner rolls back and exits, the web stops, nothing is orphaned", async () => {
  const e = await eris({ ERIS_RUNNER_GRACE_MS: "500" });
  const id = await longTrial(e, "supervisor-killed", 1);
  const tree = descendants(e.proc.pid as number);
  const supervisor = tree.find((p) =>
    execFileSync("ps", ["-o", "args=", "-p", String(p)])
      .toString()
      .includes("jobs/launch.mjs start"),
  );
  process.kill(supervisor as number, "SIGKILL");
  await until("every process gone", () => tree.filter(alive).length === 0, 30_000);
  const t = await storedTrial(e, id);
  expect(t.status).toBe("Stopped");
  expect(t.status_reason).toBe("stopped by runner shutdown (supervisor gone, grace period over)");
  expect(probe.hit("/supervisor-killed/last")).toBe(1);
}, 60_000);

test("an every-second schedule under repeated kill -9: no slot twice, no slot silently lost", async () => {
  const e = await eris();
  const exp = await e.api("POST", "/api/v1/experiment/", {
    name: "every second",
    steps: [{ do: "cm.wait", where: { time_in_seconds: 0.3 } }],
  });
  const s = await e.api("POST", `/api/v1/experiment/${exp.body.id}/schedule/`, { recurrence_pattern: "* * * * * *" });
  for (let i = 0; i < 4; i++) {
    await sleep(2500);
    const leases = e.logs().match(/lease acquired/g)?.length ?? 0;
    process.kill(e.runnerPid() as number, "SIGKILL");
    await until("the runner back", () => (e.logs().match(/lease acquired/g)?.length ?? 0) > leases, 30_000);
  }
  await sleep(2500);
  await e.api("PATCH", `/api/v1/experiment/${exp.body.id}/schedule/${s.body.id}/`, { paused: true });
  await sleep(1500);
  const all = (await e.api("GET", `/api/v1/trial/?schedule=${s.body.id}`)).body as {
    scheduled_for: string;
    status: string;
    status_reason: string | null;
  }[];
  const slots = all.map((t) => Date.parse(t.scheduled_for)).sort((a, b) => a - b);
  expect(new Set(slots).size).toBe(slots.length);
  for (let i = 1; i < slots.length; i++) expect(slots[i] - slots[i - 1]).toBe(1000);
  expect(slots.length).toBeGreaterThan(12);
  for (const t of all.filter((x) => x.status === "Skipped")) expect(t.status_reason).toMatch(/^(missed|concurrency)/);
  expect(all.filter((t) => t.status === "Succeeded").length).toBeGreaterThan(5);
}, 120_000);
