import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { config } from "@/lib/config";
import * as schema from "./schema";
import { cacheStatements } from "./statement-cache";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a synchronous transaction callback receives. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens a SQLite file with the pragmas two processes (web + runner) need to share it safely. */
export function openDb(file: string): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  // Every transaction here reads, then writes. A deferred BEGIN would take the write lock only at
  // the first write, and in WAL mode fail at once with SQLITE_BUSY (no busy wait) when the other
  // process wrote in between. BEGIN IMMEDIATE takes it up front and waits busy_timeout for it.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as typeof db.transaction;
  return db;
}

export function migrateDb(db: DB): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

export function closeDb(db: DB): void {
  db.$client.close();
}

// Cached on globalThis so that Next's dev reloads and route bundles share one connection,
// and opened lazily so that `next build` never touches SQLite.
const holder = globalThis as unknown as { __erisDb?: { file: string; db: DB } };

export function getDb(): DB {
  const file = config().databasePath;
  if (holder.__erisDb?.file !== file) holder.__erisDb = { file, db: openDb(file) };
  return holder.__erisDb.db;
}
