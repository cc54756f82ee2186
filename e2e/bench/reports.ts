/**
 * Report benchmark: render every format for an experiment with 100 finished trials of 20 steps
 * each (synthetic records in Kallisti's shape), in-process on a temp database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pct } from "./proc";

export async function benchReports(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-bench-reports-"));
  const { closeDb, migrateDb, openDb } = await import("@/db/client");
  const { experiments, trials } = await import("@/db/schema");
  const { newId } = await import("@/lib/ids");
  const { collectReport } = await import("@/lib/reports/collect");
  const { FORMATS, renderReport } = await import("@/lib/reports/render");
  const db = openDb(path.join(dir, "eris.db"));
  migrateDb(db);
  const steps = Array.from({ length: 20 }, (_, i) => ({
    step: `step ${i}`,
    do: "cm.wait",
    where: { time_in_seconds: 0 },
  }));
  const expId = newId();
  db.insert(experiments)
    .values({
      id: expId,
      name: "bench",
      metadata: {},
      parameters: {},
      preSteps: [],
      steps,
      postSteps: [],
      createdBy: "bench",
    })
    .run();
  const t0 = Date.now();
  const log = (i: number, m: string) => `[${new Date(t0 + i).toISOString().slice(0, 19)}Z - INFO] ${m}`;
  const records = {
    steps: steps.map((_, i) => ({
      step_name: "Wait",
      step_parameters: { time_in_seconds: 0 },
      logs: [log(i, "Starting command execution."), log(i, "Completed.")],
      do: "cm.wait",
      status: "succeeded",
      started_at: new Date(t0 + i * 1000).toISOString(),
      ended_at: new Date(t0 + i * 1000 + 900).toISOString(),
    })),
    result: [{ logs: [log(0, "Trial Completed.")] }],
  };
  db.transaction((tx) => {
    for (let i = 0; i < 100; i++) {
      tx.insert(trials)
        .values({
          id: newId(),
          experimentId: expId,
          parameters: {},
          metadata: {},
          ticket: {},
          status: "Succeeded",
          records,
          initiatedBy: "bench",
          scheduledFor: t0,
          executedAt: t0,
          completedAt: t0 + 20_000,
        })
        .run();
    }
  });
  console.log("Report benchmark (1 experiment, 100 trials x 20 steps, in-process)");
  for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
    const ms: number[] = [];
    let size = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const res = await renderReport(collectReport(db, { experimentId: expId }), format, "Eris Report", "bench");
      size = (await res.arrayBuffer()).byteLength;
      ms.push(performance.now() - t);
    }
    console.log(
      `  ${format.padEnd(6)} p50 ${pct(ms, 50).toFixed(0).padStart(5)} ms  ${(size / 1024).toFixed(0).padStart(6)} kB`,
    );
  }
  closeDb(db);
  fs.rmSync(dir, { recursive: true, force: true });
}
