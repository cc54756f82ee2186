/**
 * Report benchmark, in-process on a temp database of synthetic trials in Kallisti's shape:
 * - every format for one experiment with 100 finished trials of 20 steps (time and size);
 * - every streamed format for 10,000 trials of 20 steps, read as a client would read the response:
 *   time, size, and how far the process grew while writing it (peak RSS and heap over the start).
 * `npm run bench -- reports [trials]` changes the large selection's size.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pct } from "./proc";

type Seeded = { db: import("@/db/client").DB; experimentId: string };

async function seed(dir: string, count: number): Promise<Seeded> {
  const { migrateDb, openDb } = await import("@/db/client");
  const { experimentRevisions, experiments, trials } = await import("@/db/tables");
  const { newId } = await import("@/lib/ids");
  const db = openDb(path.join(dir, `eris-${count}.db`));
  await migrateDb(db);
  const steps = Array.from({ length: 20 }, (_, i) => ({
    step: `step ${i}`,
    do: "cm.wait",
    where: { time_in_seconds: 0 },
  }));
  const experimentId = newId();
  const definition = {
    name: "bench",
    metadata: {},
    parameters: {},
    preSteps: [],
    steps,
    postSteps: [],
    createdBy: "bench",
  };
  await db.insert(experiments).values({ id: experimentId, ...definition });
  // Trials are reported with the revision they ran: its 20 steps are in every trial's journal.
  await db.insert(experimentRevisions).values({ experimentId, revision: 1, ...definition });
  const t0 = Date.now() - 86_400_000;
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
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await tx.insert(trials).values({
        id: newId(),
        experimentId,
        parameters: {},
        metadata: {},
        ticket: {},
        status: i % 10 === 0 ? "Failed" : "Succeeded",
        records,
        initiatedBy: "bench",
        scheduledFor: t0 + i,
        executedAt: t0 + i,
        completedAt: t0 + i + 20_000,
        createdAt: t0 + i,
      });
    }
  });
  return { db, experimentId };
}

/** Reads the response to its end as a client would, sampling this process's memory meanwhile. */
async function drain(res: Response): Promise<{ bytes: number; rssMb: number; heapMb: number }> {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  let bytes = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
  return { bytes, rssMb: (peakRss - start.rss) / 2 ** 20, heapMb: (peakHeap - start.heapUsed) / 2 ** 20 };
}

export async function benchReports(large = Number(process.argv[3]) || 10_000): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-bench-reports-"));
  const { closeDb } = await import("@/db/client");
  const { openReport } = await import("@/lib/reports/collect");
  const { FORMATS, renderReport } = await import("@/lib/reports/render");
  const gc = (globalThis as { gc?: () => void }).gc;

  const small = await seed(dir, 100);
  console.log("Report benchmark: 1 experiment, 100 trials x 20 steps, in-process");
  for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
    const ms: number[] = [];
    let size = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const res = await renderReport(
        await openReport(small.db, { experimentId: small.experimentId }),
        format,
        "Eris Report",
        "bench",
      );
      size = (await res.arrayBuffer()).byteLength;
      ms.push(performance.now() - t);
    }
    console.log(
      `  ${format.padEnd(6)} p50 ${pct(ms, 50).toFixed(0).padStart(5)} ms  ${(size / 1024).toFixed(0).padStart(6)} kB`,
    );
  }
  await closeDb(small.db);

  const seededAt = performance.now();
  const big = await seed(dir, large);
  console.log(
    `Streamed reports: 1 experiment, ${large.toLocaleString("en")} trials x 20 steps (seeded in ${((performance.now() - seededAt) / 1000).toFixed(1)} s)${gc ? "" : " (run with --expose-gc for steadier numbers)"}`,
  );
  for (const format of ["json", "xml", "junit", "md", "html"] as const) {
    gc?.();
    const t = performance.now();
    const res = await renderReport(
      await openReport(big.db, { experimentId: big.experimentId }),
      format,
      "Eris Report",
      "bench",
    );
    const { bytes, rssMb, heapMb } = await drain(res);
    console.log(
      `  ${format.padEnd(6)} ${((performance.now() - t) / 1000).toFixed(1).padStart(5)} s  ${(bytes / 2 ** 20).toFixed(0).padStart(5)} MB written  process grew by at most ${rssMb.toFixed(0)} MB RSS (${heapMb.toFixed(0)} MB heap)`,
    );
  }
  await closeDb(big.db);
  fs.rmSync(dir, { recursive: true, force: true });
}
