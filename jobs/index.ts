/**
 * The runner process: holds the runner lease (one active runner; others wait and take over when it
 * expires), executes queued trials one at a time, and stops cleanly on SIGTERM/SIGINT.
 */
import { hostname } from "node:os";
import { closeDb, openDb } from "@/db/client";
import { config } from "@/lib/config";
import { newId } from "@/lib/ids";
import { SqliteLease } from "./lease";
import { log } from "./log";
import { runNextTrial } from "./work";

const cfg = config();
const db = openDb(cfg.databasePath);
const holder = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
const lease = new SqliteLease(db, holder, cfg.runnerLeaseMs);
let active = false;
let stopping = false;

function tick() {
  const now = Date.now();
  if (active) {
    if (!lease.heartbeat(now)) {
      active = false;
      log("lease lost", { holder });
    }
    return;
  }
  if (lease.tryAcquire(now)) {
    active = true;
    log("lease acquired", { holder, took_over_from: lease.takenOverFrom });
  }
}

const timer = setInterval(tick, cfg.runnerHeartbeatMs);
const IDLE_POLL_MS = 250;
let busy = false;

/** While we hold the lease: run queued trials back to back, then poll. */
async function workLoop() {
  while (!stopping) {
    if (active && !busy) {
      busy = true;
      const ran = await runNextTrial(db).finally(() => {
        busy = false;
      });
      if (ran) continue;
    }
    await new Promise((r) => setTimeout(r, IDLE_POLL_MS));
  }
}
log("started", { holder, database: cfg.databasePath });
tick();
if (!active) log("waiting for the lease", { holder });
void workLoop();

function shutdown(signal: string) {
  if (stopping) {
    log("second signal, exiting now", { signal });
    process.exit(1);
  }
  stopping = true;
  clearInterval(timer);
  if (active) lease.release();
  closeDb(db);
  log("stopped", { signal });
  process.exit(0);
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
