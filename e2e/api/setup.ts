// Each test file gets its own real, migrated database, and an account (with an API token) per role:
// a SQLite file, or with ERIS_TEST_POSTGRES (a server URL) a new database on that PostgreSQL server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-test-"));
process.env.DATABASE_PATH = path.join(dir, "eris.db");
process.env.NEXTAUTH_SECRET ??= "test-secret-for-signing-sessions";
// No access line per in-process API call in the test output (runner and Eris processes set their own level).
process.env.ERIS_LOG_LEVEL ??= "warn";
if (process.env.ERIS_TEST_POSTGRES) {
  const { createDatabase } = await import("@/e2e/fixtures/postgres");
  process.env.DATABASE_URL = await createDatabase(process.env.ERIS_TEST_POSTGRES, path.basename(dir));
}

const { getDb, migrateDb } = await import("@/db/client");
await migrateDb(getDb());

const { UserService } = await import("@/lib/users/service");
const { IDENTITIES, PASSWORD } = await import("./identities");
const users = new UserService(getDb());
for (const role of ["admin", "operator", "viewer"] as const) {
  const u = await users.create({ email: IDENTITIES[role].email, name: role, password: PASSWORD, role }, "setup");
  IDENTITIES[role].token = (await users.createToken(u.id, "tests", null, "setup")).raw;
}
