// The one pre-start step that migrates: web and runner start only after it, so they never race.
import { config } from "@/lib/config";
import { createLogger } from "@/lib/log/logger";
import { closeDb, migrateDb, openDb } from "./client";

const file = config().databasePath;
const db = openDb(file);
migrateDb(db);
closeDb(db);
createLogger("migrate").info("database is up to date", { database: file });
