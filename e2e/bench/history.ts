/**
 * History benchmark: the API over a history of 10,000, 100,000 and 1,000,000 finished trials seeded
 * straight into the database (100 experiments, 10 schedules), served by the real app (`npm start`'s
 * path). Prints p50/p90 per endpoint per history size. `npm run bench -- history [sizes…]` on SQLite;
 * e2e/bench/scaling.ts runs it on PostgreSQL too (a new database per size).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { closeDb, type DB, migrateDb, openDatabase } from "@/db/client";
import { type NewTrial, type TRIAL_STATUSES, trials } from "@/db/tables";
import { ExperimentService } from "@/lib/experiments/service";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { newId } from "@/lib/ids";
import { ScheduleService } from "@/lib/schedules/service";
import { scheduleSchema } from "@/lib/schedules/schemas";
import { freePort } from "../fixtures/eris-process";
import { pct, sleep } from "./proc";

const ADMIN = { email: "bench@eris.test", password: "bench-password-123" };
const STATUSES = ["Succeeded", "Succeeded", "Succeeded", "Failed", "Aborted", "Stopped", "Skipped"] as const;
const RECORDS = {
  steps: [
    { step_name: "Wait", step_parameters: { time_in_seconds: 1 }, logs: ["[2026-01-01T00:00:00Z - INFO] Completed."] },
  ],
  result: [{ logs: ["[2026-01-01T00:00:00Z - INFO] Trial Completed."] }],
};
const BATCH = 1000;

/** Where a seeded history lives: a SQLite file, or the PostgreSQL database of DATABASE_URL. */
type Target = { databasePath: string; databaseUrl: string | null };
type Seeded = Target & { dir: string; experimentId: string; scheduleId: string; trialId: string };

/** A finished trial per minute up to now, through the database port (the same rows on either database). */
async function insertTrials(db: DB, size: number, experimentIds: string[], scheduleIds: string[]): Promise<string> {
  const start = Date.now() - size * 60_000;
  let trialId = "";
  for (let from = 0; from < size; from += BATCH) {
    const rows: NewTrial[] = [];
    for (let i = from; i < Math.min(size, from + BATCH); i++) {
      const at = start + i * 60_000;
      trialId = newId();
      rows.push({
        id: trialId,
        experimentId: experimentIds[i % 100],
        // Every tenth trial belongs to a schedule; slots are unique per schedule.
        scheduleId: i % 10 === 0 ? scheduleIds[(i / 10) % 10] : null,
        parameters: {},
        metadata: {},
        ticket: {},
        status: STATUSES[i % STATUSES.length] satisfies (typeof TRIAL_STATUSES)[number],
        records: RECORDS,
        initiatedBy: "bench",
        scheduledFor: at,
        executedAt: at,
        completedAt: at + 1000,
        createdAt: at,
        updatedAt: at,
        checksPassed: 1,
        checksTotal: 1,
      });
    }
    await db.transaction(async (tx) => {
      await tx.insert(trials).values(rows);
    });
  }
  return trialId;
}

/** Seeds a new SQLite file, or the empty PostgreSQL database at `databaseUrl`. */
export async function seed(size: number, databaseUrl: string | null = null): Promise<Seeded> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `eris-history-${size}-`));
  const target = { databasePath: path.join(dir, "eris.db"), databaseUrl };
  const db = openDatabase(target);
  await migrateDb(db);
  const exps = new ExperimentService(db);
  const experimentIds: string[] = [];
  for (let i = 0; i < 100; i++) {
    const input = createExperimentSchema.parse({
      name: `history ${i}`,
      steps: [{ do: "cm.wait", where: { time_in_seconds: 1 } }],
    });
    experimentIds.push((await exps.create(input, "bench")).id);
  }
  const scheduleIds: string[] = [];
  for (const e of experimentIds.slice(0, 10)) {
    const input = scheduleSchema.parse({ recurrence_pattern: "0 0 1 1 *" });
    scheduleIds.push((await new ScheduleService(db).create(e, input, "bench")).id);
  }
  const trialId = await insertTrials(db, size, experimentIds, scheduleIds);
  if (!target.databaseUrl) db.$client.pragma("wal_checkpoint(TRUNCATE)");
  // PostgreSQL plans by table statistics, which autovacuum gathers some time after a bulk load:
  // gather them now, as a database that has been running would have them.
  else await (db as unknown as { execute(q: SQL): Promise<unknown> }).execute(sql`analyze`);
  await closeDb(db);
  return { ...target, dir, experimentId: experimentIds[0], scheduleId: scheduleIds[0], trialId };
}

async function serve(target: Target): Promise<{ base: string; token: string; app: ChildProcess }> {
  const port = await freePort();
  const app = spawn(process.execPath, ["jobs/launch.mjs", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_PATH: target.databasePath,
      // PostgreSQL: no session secret is generated for replicas; any fixed one will do here.
      ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl, NEXTAUTH_SECRET: "bench-session-secret" } : {}),
      ERIS_ADMIN_EMAIL: ADMIN.email,
      ERIS_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: "ignore",
    detached: true,
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 600) throw new Error("the app did not start");
    await sleep(500);
  }
  const res = await fetch(`${base}/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...ADMIN, name: "bench" }),
  });
  return { base, token: ((await res.json()) as { token: string }).token, app };
}

async function time(url: string, token: string, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t);
  }
  return { p50: pct(times, 50), p90: pct(times, 90) };
}

/** p50/p90 per endpoint per size; `database(size)` gives an empty PostgreSQL database, or none for SQLite. */
export async function benchHistory(
  sizes = [10_000, 100_000, 1_000_000],
  database: (size: number) => Promise<string | null> = async () => null,
  label = "SQLite",
): Promise<string[][]> {
  const rows: string[][] = [];
  for (const size of sizes) {
    const t0 = Date.now();
    const s = await seed(size, await database(size));
    const seededIn = Date.now() - t0;
    const { base, token, app } = await serve(s);
    try {
      const last = Math.max(0, size - 50);
      // The cursor the Link header gives in the middle of the history: keyset paging's deep page.
      const middle = await fetch(`${base}/trial?limit=50&offset=${Math.floor(size / 2)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const cursorNext = /<[^>]*(\/trial\/?\?[^>]*)>; rel="next"/.exec(middle.headers.get("Link") ?? "")?.[1];
      if (!cursorNext) throw new Error("no Link next in the middle of the history");
      const endpoints: [string, string][] = [
        ["trial list, first page", "/trial?limit=50"],
        ["trial list, middle page (offset)", `/trial?limit=50&offset=${Math.floor(size / 2)}`],
        ["trial list, last page (offset)", `/trial?limit=50&offset=${last}`],
        ["trial list, middle page (cursor)", cursorNext],
        ["trial list ?status=Failed", "/trial?status=Failed&limit=50"],
        ["trial list ?experiment=", `/trial?experiment=${s.experimentId}&limit=50`],
        ["trial list ?schedule=", `/trial?schedule=${s.scheduleId}&limit=50`],
        ["trial detail", `/trial/${s.trialId}`],
        ["stats/trials (30 days)", "/stats/trials"],
        ["experiment stats (score)", `/experiment/${s.experimentId}/stats`],
        ["schedule detail (embeds trials)", `/experiment/${s.experimentId}/schedule/${s.scheduleId}`],
        ["experiment's schedules", `/experiment/${s.experimentId}/schedule`],
        ["all schedules", "/schedule"],
        ["audit, first page", "/audit?limit=50"],
      ];
      for (const [name, url] of endpoints) {
        await time(`${base}${url}`, token, 2); // warm-up
        const r = await time(`${base}${url}`, token, size >= 1_000_000 ? 10 : 30);
        rows.push([String(size), name, r.p50.toFixed(1), r.p90.toFixed(1)]);
      }
      console.log(`history ${size}: seeded in ${(seededIn / 1000).toFixed(1)} s`);
    } finally {
      process.kill(-(app.pid as number), "SIGTERM");
      await sleep(1500);
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  }
  console.log(`History benchmark on ${label} (p50 / p90 ms, sequential requests over loopback)`);
  for (const r of rows)
    console.log(`  ${r[0].padStart(9)}  ${r[1].padEnd(34)} ${r[2].padStart(8)} ${r[3].padStart(8)}`);
  return rows;
}
