/**
 * The runner process: holds the runner lease (one active runner; others wait and take over when it
 * expires) and stops cleanly on SIGTERM/SIGINT.
 */
import { hostname } from "node:os";
import { closeDb, openDb } from "@/db/client";
import { config } from "@/lib/config";
import { newId } from "@/lib/ids";
import { SqliteLease } from "./lease";
import { log } from "./log";

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
log("started", { holder, database: cfg.databasePath });
tick();
if (!active) log("waiting for the lease", { holder });

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
