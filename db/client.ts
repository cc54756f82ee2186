import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { SQLiteTransaction, SQLiteTransactionConfig } from "drizzle-orm/sqlite-core";
import { drizzle, type SqliteRemoteDatabase, type SqliteRemoteResult } from "drizzle-orm/sqlite-proxy";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { config } from "@/lib/config";
import { Gate } from "./gate";
import * as schema from "./schema";
import { cacheStatements } from "./statement-cache";

// PostgreSQL's driver loads only in a process configured for it: a SQLite process keeps none of it.
const postgres = process.env.DATABASE_URL ? await import("./postgres") : null;

/**
 * The database as every service sees it: asynchronous, so that the same code runs on the embedded
 * SQLite file and on PostgreSQL. `$client` is the SQLite connection underneath (tests, backups;
 * on PostgreSQL it is node-postgres's pool).
 */
export type DB = SqliteRemoteDatabase<typeof schema> & { $client: Database.Database };
/** The handle a transaction body receives. */
export type Tx = SQLiteTransaction<
  "async",
  SqliteRemoteResult,
  typeof schema,
  ExtractTablesWithRelations<typeof schema>
>;
/** Either: what a repository needs to run its statements, inside a transaction or not. */
export type Conn = DB | Tx;

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
const BEGIN_IMMEDIATE = "begin immediate";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * BEGIN IMMEDIATE, waiting for the other process's write lock without blocking this process:
 * SQLite's own busy handler sleeps inside the call (the event loop stops, every request waits) and
 * sleeps longer and longer between tries (up to 100 ms), so it misses the short gaps between
 * another writer's transactions. This tries every few milliseconds, awaiting in between, for as
 * long as the connection's busy_timeout allows.
 */
async function beginImmediate(sqlite: Database.Database): Promise<Database.RunResult> {
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  const deadline = Date.now() + timeout;
  sqlite.pragma("busy_timeout = 0");
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return sqlite.prepare(BEGIN_IMMEDIATE).run();
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
        await sleep(Math.min(1 + attempt, 5));
      }
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Opens a SQLite file with the pragmas two processes (web + runner) need to share it safely. */
export function openDb(file: string): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  cacheStatements(sqlite);
  const gate = new Gate();
  const db = drizzle(
    async (text, params, method) => {
      await gate.pass();
      if (text === BEGIN_IMMEDIATE) return { rows: [], ...(await beginImmediate(sqlite)) };
      const statement = sqlite.prepare(text);
      if (method === "run" || !statement.reader) return { rows: [], ...statement.run(params) };
      statement.raw(true);
      return { rows: method === "get" ? (statement.get(params) as unknown[]) : (statement.all(params) as unknown[]) };
    },
    { schema },
  ) as DB;
  db.$client = sqlite;
  // Every transaction here reads, then writes. A deferred BEGIN would take the write lock only at
  // the first write, and in WAL mode fail at once with SQLITE_BUSY (no busy wait) when the other
  // process wrote in between. BEGIN IMMEDIATE takes it up front (see beginImmediate above).
  const transaction = db.transaction.bind(db);
  db.transaction = (<T>(body: (tx: Tx) => Promise<T>, options?: SQLiteTransactionConfig): Promise<T> => {
    const outer = gate.current();
    // A service that opens a transaction while its caller holds one joins it as a savepoint.
    if (outer) return (outer.tx as Tx).transaction(body);
    const holder: { tx?: unknown } = {};
    return gate.hold(holder, () =>
      transaction(
        (tx) => {
          holder.tx = tx;
          return body(tx);
        },
        { behavior: "immediate", ...options },
      ),
    );
  }) as typeof db.transaction;
  return db;
}

const isSqlite = (db: DB) => db.$client instanceof Database;

/** The configured database: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function openDatabase(target: { databaseUrl: string | null; databasePath: string } = config()): DB {
  if (!target.databaseUrl) return openDb(target.databasePath);
  if (!postgres) throw new Error("a PostgreSQL database opens only in a process started with DATABASE_URL set");
  return postgres.openPostgres(target.databaseUrl);
}

/** Where the data lives, for logs: the file, or the PostgreSQL URL without its password. */
export function databaseLabel(target: { databaseUrl: string | null; databasePath: string } = config()): string {
  if (!target.databaseUrl) return target.databasePath;
  const url = new URL(target.databaseUrl);
  url.password = "";
  return url.toString();
}

export async function migrateDb(db: DB): Promise<void> {
  if (isSqlite(db)) {
    // Loaded here: only the start-up step migrates, so web and runner never load the migrator.
    const [{ drizzle }, { migrate }] = await Promise.all([
      import("drizzle-orm/better-sqlite3"),
      import("drizzle-orm/better-sqlite3/migrator"),
    ]);
    migrate(drizzle(db.$client), { migrationsFolder: MIGRATIONS_FOLDER });
  } else await (await import("./postgres")).migratePostgres(db);
}

export async function closeDb(db: DB): Promise<void> {
  if (isSqlite(db)) db.$client.close();
  else await (await import("./postgres")).closePostgres(db);
}

// Cached on globalThis so that Next's dev reloads and route bundles share one connection,
// and opened lazily so that `next build` never touches the database.
const holder = globalThis as unknown as { __erisDb?: { key: string; db: DB } };

export function getDb(): DB {
  const { databaseUrl, databasePath } = config();
  const key = databaseUrl ?? databasePath;
  if (holder.__erisDb?.key !== key) holder.__erisDb = { key, db: openDatabase({ databaseUrl, databasePath }) };
  return holder.__erisDb.db;
}
