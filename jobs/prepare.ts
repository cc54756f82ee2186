/**
 * The one step before web and runner start (run by `npm start` in a process of its own, so the
 * supervisor never holds the database code): migrate, and create the first admin from
 * ERIS_ADMIN_EMAIL / ERIS_ADMIN_PASSWORD when no account exists yet.
 */
import { closeDb, migrateDb, openDb } from "@/db/client";
import { config } from "@/lib/config";
import { createLogger } from "@/lib/log/logger";
import { createFirstAdminFromEnv } from "./first-admin";

const cfg = config();
const db = openDb(cfg.databasePath);
migrateDb(db);
await createFirstAdminFromEnv(db);
closeDb(db);
createLogger("supervisor", { tag: "eris" }).info("database migrated", { database: cfg.databasePath });
