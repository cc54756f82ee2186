/**
 * PostgreSQL as Eris's database (DATABASE_URL): node-postgres's pool under drizzle's PostgreSQL
 * dialect, over the table objects of db/pg/schema.ts (generated from db/schema.ts, the same names
 * and TypeScript types), so the services written against `DB` run unchanged.
 *
 * Every transaction is SERIALIZABLE, as every SQLite transaction is: the services read, decide and
 * write inside one transaction and count on no other writer changing what they read in between.
 * PostgreSQL answers a conflict by aborting one of the two (SQLSTATE 40001, or 40P01 for a
 * deadlock); the aborted one is run again from the start, which is safe because transaction
 * bodies do database work only.
 */
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { DB, Tx } from "./client";
import { Gate } from "./gate";
import * as schema from "./pg/schema";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "pg", "migrations");
const RETRIED = new Set(["40001", "40P01"]);
const ATTEMPTS = 8;
/** Any number, the same in every Eris process: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 72_616_973;

const pools = new WeakMap<object, pg.Pool>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sqlState = (error: unknown) => {
  const cause = error instanceof Error && "cause" in error ? error.cause : undefined;
  return (cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code;
};

export function openPostgres(url: string, poolSize = 10): DB {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server (a failover, a restart) must not take the process down.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema });
  const gate = new Gate();
  const transaction = db.transaction.bind(db);
  db.transaction = (async <T>(body: (tx: Tx) => Promise<T>): Promise<T> => {
    const outer = gate.current();
    // A service that opens a transaction while its caller holds one joins it as a savepoint.
    if (outer) return (outer.tx as Tx).transaction(body);
    for (let attempt = 1; ; attempt++) {
      const holder: { tx?: unknown } = {};
      try {
        return await gate.within(holder, () =>
          transaction(
            (tx) => {
              holder.tx = tx;
              return body(tx as unknown as Tx);
            },
            { isolationLevel: "serializable" },
          ),
        );
      } catch (error) {
        if (attempt >= ATTEMPTS || !RETRIED.has(sqlState(error) ?? "")) throw error;
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }) as unknown as typeof db.transaction;
  pools.set(db, pool);
  return Object.assign(db, { $client: pool }) as unknown as DB;
}

/** Applies the committed PostgreSQL migrations; replicas starting together take turns. */
export async function migratePostgres(db: DB): Promise<void> {
  const pool = pools.get(db);
  if (!pool) throw new Error("not a PostgreSQL database");
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

export async function closePostgres(db: DB): Promise<void> {
  await pools.get(db)?.end();
}

export const isPostgres = (db: object) => pools.has(db);
