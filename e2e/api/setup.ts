// Each test file gets its own real, migrated SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-test-"));
process.env.DATABASE_PATH = path.join(dir, "eris.db");

const { getDb, migrateDb } = await import("@/db/client");
migrateDb(getDb());
