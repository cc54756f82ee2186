/**
 * The one step before web and runner start (run by `npm start` in a process of its own, so the
 * supervisor never holds the database code, the settings' validation nor the memory that hashing
 * every source file leaves behind): build the web app when its sources changed, validate the
 * settings, migrate, and create the first admin from ERIS_ADMIN_EMAIL / ERIS_ADMIN_PASSWORD when
 * no account exists yet. The few settings the supervisor needs are handed back on the descriptor
 * ERIS_SETTINGS_FD names, as one JSON object.
 */
import fs from "node:fs";
import { closeDb, databaseLabel, migrateDb, openDatabase } from "@/db/client";
import { config } from "@/lib/config";
import { createLogger } from "@/lib/log/logger";
import { buildIfStale } from "./build-state";
import { createFirstAdminFromEnv } from "./first-admin";
import type { SupervisorSettings } from "./settings";
import { runnerStopTimeoutMs } from "./supervise";

if (!buildIfStale()) process.exit(1);

const cfg = config();
const db = openDatabase(cfg);
await migrateDb(db);
await createFirstAdminFromEnv(db);
await closeDb(db);
createLogger("supervisor", { tag: "eris" }).info("database migrated", { database: databaseLabel(cfg) });

const fd = Number(process.env.ERIS_SETTINGS_FD);
if (Number.isInteger(fd) && fd > 2) {
  const settings: SupervisorSettings = {
    port: cfg.port,
    hostname: cfg.hostname,
    databasePath: cfg.databasePath,
    runnerStopTimeoutMs: runnerStopTimeoutMs(cfg),
  };
  fs.writeSync(fd, JSON.stringify(settings));
}
