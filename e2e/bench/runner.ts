/**
 * Runner benchmark, against a real runner process and a SQLite file (or, from the scaling
 * benchmark, an empty PostgreSQL database):
 * - firing lag (trial created − due slot, and executed − due slot) with 10,000 armed schedules,
 *   200 of which come due over 20 seconds (10 per second);
 * - throughput: trials per second for a one-step no-op experiment (500 queued trials);
 * - runner RSS idle and at peak.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, inArray, ne } from "drizzle-orm";
import { closeDb, migrateDb, openDatabase } from "@/db/client";
import { type NewSchedule, type NewTrial, schedules, trials } from "@/db/tables";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { newId } from "@/lib/ids";
import { pct, rssMb, sleep } from "./proc";

const SCHEDULES = 10_000;
const DUE = 200;
const QUEUED = 500;

export type RunnerFigures = { createdP50: number; createdP99: number; startedP50: number; trialsPerSecond: number };

export async function benchRunner(databaseUrl: string | null = null, label = "SQLite"): Promise<RunnerFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-bench-runner-"));
  const file = path.join(dir, "eris.db");
  const db = openDatabase({ databasePath: file, databaseUrl });
  await migrateDb(db);
  const now = Date.now();
  // Through the service, so that the experiment has its revision 1 as any experiment does.
  const noop = createExperimentSchema.parse({
    name: "noop",
    steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }],
  });
  const expId = (await new ExperimentService(db).create(noop, "bench")).id;

  // 10,000 armed schedules: 200 fire during the window (10 per second), the rest once a year.
  const start = Math.ceil((now + 8000) / 1000) * 1000;
  const rows: NewSchedule[] = [];
  for (let i = 0; i < SCHEDULES; i++) {
    const due = i < DUE ? start + Math.floor(i / 10) * 1000 : null;
    const d = due === null ? null : new Date(due);
    rows.push({
      id: newId(),
      experimentId: expId,
      parameters: {},
      metadata: {},
      ticket: {},
      recurrencePattern: d ? `${d.getUTCSeconds()} ${d.getUTCMinutes()} ${d.getUTCHours()} * * *` : "0 0 1 1 *",
      recurrenceCount: d ? 1 : null,
      recurrenceLeft: d ? 1 : null,
      concurrencyPolicy: "Allow",
      nextRunAt: due ?? Date.UTC(new Date(now).getUTCFullYear() + 1, 0, 1),
      createdBy: "bench",
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(schedules).values(rows.slice(i, i + 500));
  });

  const runner = spawn(process.execPath, ["jobs/launch.mjs", "index"], {
    env: {
      ...process.env,
      DATABASE_PATH: file,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ERIS_LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  const pid = runner.pid as number;
  try {
    await sleep(3000);
    const idleRss = rssMb(pid);
    let peakRss = idleRss;
    const dueIds = rows.slice(0, DUE).map((r) => r.id as string);
    for (;;) {
      peakRss = Math.max(peakRss, rssMb(pid));
      const done = await db.select().from(trials).where(inArray(trials.scheduleId, dueIds));
      if (done.length === DUE && done.every((t) => t.status === "Succeeded")) break;
      if (Date.now() > start + 60_000) throw new Error(`only ${done.length} of ${DUE} scheduled trials finished`);
      await sleep(200);
    }
    const fired = await db.select().from(trials).where(inArray(trials.scheduleId, dueIds));
    const created = fired.map((t) => (t.createdAt as number) - t.scheduledFor);
    const executed = fired.map((t) => (t.executedAt as number) - t.scheduledFor);
    const early = executed.filter((x) => x < 0).length;

    // Throughput: 500 queued API-style trials of the one-step no-op experiment.
    const queued: NewTrial[] = Array.from({ length: QUEUED }, () => ({
      id: newId(),
      experimentId: expId,
      parameters: {},
      metadata: {},
      ticket: {},
      records: {},
      initiatedBy: "bench",
      scheduledFor: Date.now(),
    }));
    const t0 = Date.now();
    await db.transaction(async (tx) => {
      for (let i = 0; i < queued.length; i += 250) await tx.insert(trials).values(queued.slice(i, i + 250));
    });
    const ids = queued.map((q) => q.id as string);
    for (;;) {
      peakRss = Math.max(peakRss, rssMb(pid));
      const [{ left }] = await db
        .select({ left: count() })
        .from(trials)
        .where(and(inArray(trials.id, ids), ne(trials.status, "Succeeded")));
      if (left === 0) break;
      if (Date.now() - t0 > 120_000) throw new Error("throughput run did not finish");
      await sleep(100);
    }
    const elapsed = (Date.now() - t0) / 1000;

    const f = (x: number) => x.toFixed(1);
    console.log(
      `Runner benchmark on ${label} (${SCHEDULES.toLocaleString()} armed schedules, ${DUE} due over ${DUE / 10} s, 10 per second)`,
    );
    console.log(
      `  firing lag, due slot → trial created:  p50 ${f(pct(created, 50))} ms  p99 ${f(pct(created, 99))} ms  max ${f(Math.max(...created))} ms`,
    );
    console.log(
      `  firing lag, due slot → trial started:  p50 ${f(pct(executed, 50))} ms  p99 ${f(pct(executed, 99))} ms  (early: ${early})`,
    );
    console.log(`  throughput: ${QUEUED} one-step no-op trials in ${f(elapsed)} s = ${f(QUEUED / elapsed)} trials/s`);
    console.log(`  runner RSS: idle ${f(idleRss)} MB, peak ${f(peakRss)} MB`);
    return {
      createdP50: pct(created, 50),
      createdP99: pct(created, 99),
      startedP50: pct(executed, 50),
      trialsPerSecond: QUEUED / elapsed,
    };
  } finally {
    runner.kill("SIGTERM");
    await sleep(500);
    await closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
