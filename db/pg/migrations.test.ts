// The committed PostgreSQL migrations, applied to a real PostgreSQL server, give the same database
// as the SQLite migrations: same tables, columns, keys and indexes, and summary triggers that keep
// the same counts through the same writes.
import path from "node:path";
import { asc } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresSkipReason } from "@/e2e/fixtures/postgres-binaries";
import { type PostgresFixture, startPostgres } from "@/e2e/fixtures/postgres";
import { closeDb, type DB, migrateDb, openDb } from "../client";
import * as sqlite from "../schema";
import * as postgres from "./schema";
import { sqliteStructure, pgStructure } from "./structure";
import { applyToPostgres, applyToSqlite, trialWrites } from "./trial-workload";

const MIGRATIONS = path.resolve(import.meta.dirname, "migrations");
const skip = postgresSkipReason();
if (skip) console.warn(`PostgreSQL migrations: skipped: ${skip}`);

describe.skipIf(skip !== null)(skip ? `PostgreSQL migrations: SKIPPED, ${skip}` : "PostgreSQL migrations", () => {
  let server: PostgresFixture | undefined;
  let pool: pg.Pool | undefined;
  let pgDb: NodePgDatabase<typeof postgres>;
  let sqliteDb: DB;

  beforeAll(async () => {
    server = await startPostgres();
    pool = new pg.Pool({ connectionString: server.url, max: 2 });
    pgDb = drizzle(pool, { schema: postgres });
    await migrate(pgDb, { migrationsFolder: MIGRATIONS });
    sqliteDb = openDb(":memory:");
    migrateDb(sqliteDb);
  }, 60_000);

  afterAll(async () => {
    if (sqliteDb) closeDb(sqliteDb);
    await pool?.end();
    await server?.stop();
  });

  it("create the same tables, columns, primary keys, indexes and foreign keys as the SQLite ones", async () => {
    const client = await pool!.connect();
    try {
      expect(await pgStructure(client)).toEqual(sqliteStructure(sqliteDb.$client));
    } finally {
      client.release();
    }
  });

  it("keep trial_counts and trial_days as the SQLite triggers do, through the same writes", async () => {
    const writes = trialWrites(18, 400);
    applyToSqlite(sqliteDb, writes);
    await applyToPostgres(pgDb, writes);

    const counts = { experimentId: true, status: true, n: true } as const;
    const sqliteCounts = sqliteDb.query.trialCounts
      .findMany({ columns: counts, orderBy: [asc(sqlite.trialCounts.experimentId), asc(sqlite.trialCounts.status)] })
      .sync();
    const pgCounts = await pgDb.query.trialCounts.findMany({
      columns: counts,
      orderBy: [asc(postgres.trialCounts.experimentId), asc(postgres.trialCounts.status)],
    });
    expect(pgCounts).toEqual(sqliteCounts);
    // Not only equal: right. Each non-zero count is the number of trials (a zero keeps its row).
    const trials = sqliteDb.select().from(sqlite.trials).all();
    const truth = new Map<string, number>();
    for (const t of trials)
      truth.set(`${t.experimentId}|${t.status}`, (truth.get(`${t.experimentId}|${t.status}`) ?? 0) + 1);
    expect(new Map(pgCounts.filter((c) => c.n > 0).map((c) => [`${c.experimentId}|${c.status}`, c.n]))).toEqual(truth);

    const days = { day: true, experimentId: true, status: true, n: true } as const;
    const dayOrder = <T extends typeof sqlite.trialDays | typeof postgres.trialDays>(t: T) => [
      asc(t.day),
      asc(t.experimentId),
      asc(t.status),
    ];
    const sqliteDays = sqliteDb.query.trialDays.findMany({ columns: days, orderBy: dayOrder(sqlite.trialDays) }).sync();
    const pgDays = await pgDb.query.trialDays.findMany({ columns: days, orderBy: dayOrder(postgres.trialDays) });
    expect(pgDays).toEqual(sqliteDays);
    expect(pgDays.reduce((sum, d) => sum + d.n, 0)).toBe(trials.length);
    expect(trials.length).toBeGreaterThan(50);
  });
});
