/**
 * Chaos Mesh benchmark, in-process: a chaosmesh step against the fake cluster (its simulated
 * controller injects after 150 ms, as configured by default) — the step's own create → AllInjected
 * time and the whole step with a 1 s duration; PAUSE → annotation; and the import of seed 001's
 * Schedule (read, plan, one transaction) on a fresh SQLite file, with and without a dry run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { SEED_001_SCHEDULE } from "@/e2e/fixtures/seed-001";
import { PauseWatch } from "@/jobs/pause-watch";
import { BUILTIN_MODULES } from "@/lib/modules/registry";
import type { ActionContext } from "@/lib/modules/types";
import { pct, sleep } from "./proc";

const SPEC = {
  action: "delay",
  mode: "one",
  selector: { namespaces: ["default"], labelSelectors: { app: "web-show" } },
  delay: { latency: "10ms", correlation: "100", jitter: "0ms" },
};

const report = (label: string, ms: number[]) =>
  console.log(
    `  ${label.padEnd(44)} p50 ${pct(ms, 50).toFixed(1)} ms  p99 ${pct(ms, 99).toFixed(1)} ms  (${ms.length} runs)`,
  );

async function benchStep(): Promise<void> {
  const fake = await new FakeK8s({ token: "t" }).start();
  fake.addDeployment("default", "web-show", { app: "web-show" }, 2);
  const action = BUILTIN_MODULES.chaosmesh.actions.network_chaos;
  const injected: number[] = [];
  const whole: number[] = [];
  const annotated: number[] = [];
  for (let i = 0; i < 20; i++) {
    const pause = new PauseWatch();
    let injectedAt = 0;
    const ctx: ActionContext = {
      signal: new AbortController().signal,
      log: (m) => {
        if (m.includes(" injected after ")) injectedAt = performance.now();
      },
      credential: { kind: "token", type: "TOKEN_FILE", token: "t" },
      credentialHandlers: {},
      trialId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      step: { list: "steps", index: 0 },
      pause,
    };
    const t = performance.now();
    const step = action.run(action.args.parse({ k8s_api_host: fake.url, ...SPEC, duration: "1s" }), ctx);
    while (!injectedAt) await sleep(5);
    injected.push(injectedAt - t);
    if (i % 2 === 0) {
      // Every other run: PAUSE, timed until the object carries the annotation; then RUN.
      const p = performance.now();
      pause.update(true);
      while (!fake.chaosMesh.controller.list()[0]?.metadata.annotations?.["experiment.chaos-mesh.org/pause"])
        await sleep(2);
      annotated.push(performance.now() - p);
      pause.update(false);
    } else {
      await step;
      whole.push(performance.now() - t);
    }
    await step;
  }
  report("chaosmesh step: create → AllInjected seen", injected);
  report("chaosmesh step, duration 1s: start → gone", whole);
  report("PAUSE → pause annotation on the object", annotated);
  await fake.stop();
}

async function benchImport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-bench-import-"));
  process.env.DATABASE_PATH = path.join(dir, "eris.db");
  const { getDb, migrateDb } = await import("@/db/client");
  migrateDb(getDb());
  const { planImport } = await import("@/lib/import/plan");
  const { parseYaml } = await import("@/lib/import/read");
  const { ImportService } = await import("@/lib/import/service");
  const { BUILTIN_TOOLBOX } = await import("@/lib/modules/registry");
  const service = new ImportService(getDb());
  for (const dryRun of [true, false]) {
    const ms: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const plan = planImport(BUILTIN_TOOLBOX, parseYaml(SEED_001_SCHEDULE));
      if (dryRun) service.preview(plan);
      else service.apply(plan, "bench");
      ms.push(performance.now() - t);
    }
    report(`import seed 001's Schedule${dryRun ? " (dry run)" : " (writes)"}`, ms.slice(10));
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function benchChaosMesh(): Promise<void> {
  console.log("Chaos Mesh benchmark (in-process; the fake cluster's controller injects after 150 ms)");
  await benchStep();
  await benchImport();
}
