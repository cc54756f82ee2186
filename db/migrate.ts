// The one pre-start step that migrates: web and runner start only after it, so they never race.
import { config } from "@/lib/config";
import { closeDb, migrateDb, openDb } from "./client";

const file = config().databasePath;
const db = openDb(file);
migrateDb(db);
closeDb(db);
console.log(`[migrate] ${file} is up to date`);
