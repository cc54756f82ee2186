/**
 * The runner process. One runner holds the lease and works; others wait and take over when it
 * expires. SIGTERM/SIGINT (or the supervisor going away): stop claiming, let the running step
 * finish (abort it after ERIS_RUNNER_GRACE_MS), run post_steps (for at most
 * ERIS_RUNNER_ROLLBACK_TIMEOUT_MS more), release the lease. A deliberate second signal exits at
 * once and leaves the trial to the next runner, which rolls it back.
 */
import { hostname } from "node:os";
import { closeDb, databaseLabel, openDatabase } from "@/db/client";
import { config } from "@/lib/config";
import { newId } from "@/lib/ids";
import { getToolbox } from "@/lib/plugins/toolbox";
import { DatabaseLease } from "@/lib/runner/lease";
import { log } from "./log";
import { Runner } from "./runner";
import { startSignalListener } from "./signal-listener";
import { onShutdown } from "./signals";

const cfg = config();
const db = openDatabase(cfg);
const holder = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
let toolbox: Awaited<ReturnType<typeof getToolbox>>;
try {
  toolbox = await getToolbox();
} catch (err) {
  log("configuration error", { error: (err as Error).message });
  process.exit(1);
}
const runner = new Runner({
  db,
  holder,
  lease: new DatabaseLease(db, holder, {
    ttlMs: cfg.runnerLeaseMs,
    // Set by the supervisor when it restarts a runner it saw die: that holder's lease is free now.
    predecessor: process.env.ERIS_RUNNER_PREDECESSOR || null,
    restarts: Number(process.env.ERIS_RUNNER_RESTARTS ?? 0),
  }),
  toolbox,
  heartbeatMs: cfg.runnerHeartbeatMs,
  graceMs: cfg.runnerGraceMs,
  rollbackTimeoutMs: cfg.runnerRollbackTimeoutMs,
  publicUrl: cfg.publicUrl,
});
const listener = cfg.signalPort ? startSignalListener(db, cfg.signalHost, cfg.signalPort) : null;

onShutdown({
  graceful: async (signal) => {
    listener?.close();
    await runner.stop(signal);
    await closeDb(db);
    log("stopped", { signal });
    process.exit(0);
  },
  force: async (signal) => {
    const left = await runner.abandon();
    log("second signal: exiting now", {
      signal,
      trial_left_in_progress: left,
      ...(left ? { next: "the next runner to start rolls it back" } : {}),
    });
    process.exit(1);
  },
  repeated: (signal) => log("shutdown already under way", { signal }),
});

log("started", { holder, pid: process.pid, database: databaseLabel(cfg) });
await runner.start();
// Tells the supervisor this runner is up and which lease holder it is (for a fast takeover if it dies).
process.send?.({ eris: "runner-ready", holder });
