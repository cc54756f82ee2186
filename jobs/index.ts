/**
 * The runner process. One runner holds the lease and works; others wait and take over when it
 * expires. SIGTERM/SIGINT: stop claiming, let the running step finish (abort after
 * ERIS_RUNNER_GRACE_MS), run post_steps, release the lease. A second signal exits at once.
 */
import { hostname } from "node:os";
import { closeDb, openDb } from "@/db/client";
import { config } from "@/lib/config";
import { newId } from "@/lib/ids";
import { getToolbox } from "@/lib/plugins/toolbox";
import { SqliteLease } from "./lease";
import { log } from "./log";
import { Runner } from "./runner";
import { startSignalListener } from "./signal-listener";

const cfg = config();
const db = openDb(cfg.databasePath);
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
  lease: new SqliteLease(db, holder, cfg.runnerLeaseMs),
  toolbox,
  heartbeatMs: cfg.runnerHeartbeatMs,
  graceMs: cfg.runnerGraceMs,
});
const listener = cfg.signalPort ? startSignalListener(db, cfg.signalHost, cfg.signalPort) : null;

log("started", { holder, database: cfg.databasePath });
await runner.start();

let signals = 0;
async function shutdown(signal: string) {
  if (++signals > 1) {
    log("second signal, exiting now", { signal });
    process.exit(1);
  }
  listener?.close();
  await runner.stop(signal);
  closeDb(db);
  log("stopped", { signal });
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
