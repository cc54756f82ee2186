/**
 * Eris's own secrets, which no credential can read whatever the allowed lists say: its settings in
 * the environment, the database and everything next to it (the generated session secret lives
 * there), its configuration file, and the kernel's views of the process (/proc/self/environ holds
 * every variable).
 */
import path from "node:path";

/** Variable globs that are always refused; notification secrets are added by name from the config file. */
export const PROTECTED_ENV = ["ERIS_*", "NEXTAUTH_*", "AUTH_*", "DATABASE_*", "PG*"] as const;

export type OwnFiles = { databasePath: string; configFile: string | null };

/**
 * Paths (files or directories) that are always refused. The database's whole directory: it also
 * holds the WAL and journal files, the generated `nextauth-secret` and any backup made beside them.
 */
export function protectedPaths({ databasePath, configFile }: OwnFiles): string[] {
  const db = path.resolve(databasePath);
  const dataDir = path.dirname(db);
  const paths = [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, path.join(dataDir, "nextauth-secret")];
  paths.push("/proc", "/sys", "/dev");
  // A database at the file-system root would make its directory everything: keep the file itself only.
  if (dataDir !== path.parse(dataDir).root) paths.push(dataDir);
  if (configFile) paths.push(path.resolve(configFile));
  return paths;
}
