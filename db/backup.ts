/**
 * A consistent copy of the live database while web and runner keep writing: SQLite's online backup
 * (better-sqlite3), all pages in one step under one read transaction, so the copy is the database
 * as of one instant and writers never wait for more than that step. Written to a temporary file,
 * checked (integrity_check), then renamed into place: a backup file is complete or absent.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupResult = { file: string; bytes: number; pages: number; ms: number };

/** Every page in the next step: the copy is one snapshot and cannot be restarted by a writer. */
const ALL_PAGES = 0x7fffffff;

export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  const from = path.resolve(source);
  const to = path.resolve(destination);
  if (!fs.existsSync(from)) throw new Error(`${from}: no database there (is DATABASE_PATH right?)`);
  if (to === from || to.startsWith(`${from}-`))
    throw new Error(`${to}: the backup must not replace the database or its journal`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const started = performance.now();
  const db = new Database(from, { fileMustExist: true });
  let pages = 0;
  try {
    db.pragma("busy_timeout = 10000");
    const done = await db.backup(partial, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return ALL_PAGES;
      },
    });
    pages = done.totalPages || pages;
  } finally {
    db.close();
  }
  try {
    const copy = new Database(partial);
    try {
      // One self-contained file: the copy leaves WAL mode (Eris turns it back on when it opens it).
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`the copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, to);
  } catch (err) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(f, { force: true });
    throw err;
  }
  return { file: to, bytes: fs.statSync(to).size, pages, ms: Math.round(performance.now() - started) };
}
