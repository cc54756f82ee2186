/**
 * `npm run backup -- <file>`: a consistent copy of the running Eris's database (DATABASE_PATH), taken
 * online while web and runner keep working. Restore: stop Eris, put the file at DATABASE_PATH (and
 * remove that path's -wal and -shm files), start Eris (see README "Backups").
 */
import { backupDatabase } from "@/db/backup";
import { config } from "@/lib/config";
import { createLogger } from "@/lib/log/logger";

const log = createLogger("backup");
const target = process.argv[2];
if (!target || target.startsWith("-")) {
  console.error("usage: npm run backup -- <file>   (a consistent copy of DATABASE_PATH, taken while Eris runs)");
  process.exit(2);
}
if (config().databaseUrl) {
  // PostgreSQL has its own tools for a consistent online copy; Eris does not wrap them.
  console.error("DATABASE_URL is set: back PostgreSQL up with its own tools (pg_dump, or your provider's snapshots).");
  process.exit(2);
}
try {
  const r = await backupDatabase(config().databasePath, target);
  log.info("backup written", {
    file: r.file,
    bytes: r.bytes,
    pages: r.pages,
    ms: r.ms,
    database: config().databasePath,
  });
} catch (err) {
  log.error("backup failed", { error: (err as Error).message });
  process.exit(1);
}
