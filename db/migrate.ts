// The one pre-start step that migrates: web and runner start only after it, so they never race.
import { createLogger } from "@/lib/log/logger";
import { closeDb, databaseLabel, migrateDb, openDatabase } from "./client";

const db = openDatabase();
await migrateDb(db);
await closeDb(db);
createLogger("migrate").info("database is up to date", { database: databaseLabel() });
