/**
 * Operations benchmark (`npm run bench -- ops`): on a database holding 200 experiments and 20,000
 * finished trials (with their metric series), the cost of building the /metrics answer, and an
 * online backup's time and size while another process keeps writing (its longest write is the
 * stall the backup caused).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-bench-ops-"));
const file = path.join(dir, "eris.db");
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function benchOperations(): Promise<void> {
  process.env.DATABASE_PATH = file;
  const { migrateDb, openDb } = await import("@/db/client");
  const { experiments, trials } = await import("@/db/tables");
  const { recordTrialEnd } = await import("@/lib/metrics/record");
  const { metricsText } = await import("@/lib/metrics/scrape");
  const { backupDatabase } = await import("@/db/backup");
  const db = openDb(file);
  await migrateDb(db);

  const now = Date.now();
  const statuses = ["Succeeded", "Failed", "Stopped", "Aborted"] as const;
  const step = (i: number) => ({
    step_name: "Http probe",
    do: i % 2 ? "cm.http_probe" : "k8s.terminate_pods",
    status: "succeeded",
    step_parameters: {},
    logs: ["[2026-11-25T12:00:00Z - INFO] Result: ok"],
    started_at: new Date(now - 5000).toISOString(),
    ended_at: new Date(now - 4000).toISOString(),
  });
  await db.transaction(async (tx) => {
    for (let e = 0; e < 200; e++) {
      const id = `00000000-0000-4000-8000-${String(e).padStart(12, "0")}`;
      await tx.insert(experiments).values({
        id,
        name: `experiment ${e}`,
        metadata: {},
        parameters: {},
        preSteps: [],
        steps: [],
        postSteps: [],
        createdBy: "bench",
      });
      for (let t = 0; t < 100; t++) {
        const status = statuses[(e + t) % statuses.length];
        const records = { steps: [step(t), step(t + 1)], post_steps: [step(t)] };
        const row = { experimentId: id, status, executedAt: now - 60_000 + t, completedAt: now - 1000 + t, records };
        await tx.insert(trials).values({
          id: crypto.randomUUID(),
          ...row,
          parameters: {},
          metadata: {},
          ticket: {},
          initiatedBy: "bench",
          scheduledFor: now,
        });
        await recordTrialEnd(tx, row);
      }
    }
  });

  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    bytes = (await metricsText(db)).body.length;
    times.push(performance.now() - t0);
  }
  console.log(
    `ops: /metrics body for 200 experiments, 20,000 trials: ${bytes} bytes, p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`,
  );

  // Another process writes a row every few ms during the backup; its slowest write is the stall.
  const writer = spawn(process.execPath, ["-e", WRITER, file], { stdio: ["ignore", "pipe", "inherit"] });
  let report = "";
  writer.stdout.on("data", (d) => (report += d));
  await new Promise((r) => setTimeout(r, 500));
  const r = await backupDatabase(file, path.join(dir, "backup.db"));
  await new Promise((res) => setTimeout(res, 500));
  writer.kill("SIGTERM");
  await new Promise((res) => writer.on("exit", res));
  console.log(
    `ops: backup of ${(r.bytes / 1e6).toFixed(1)} MB (${r.pages} pages) in ${r.ms} ms; concurrent writer: ${report.trim()}`,
  );
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.pragma("busy_timeout = 10000");
db.exec("create table if not exists bench_writes (at integer)");
const insert = db.prepare("insert into bench_writes values (?)");
let n = 0, worst = 0;
const timer = setInterval(() => { const t = performance.now(); insert.run(Date.now()); worst = Math.max(worst, performance.now() - t); n++; }, 2);
process.on("SIGTERM", () => { clearInterval(timer); console.log(n + " writes, slowest " + worst.toFixed(1) + " ms"); process.exit(0); });
`;
