// The committed PostgreSQL migrations, applied to a real PostgreSQL server, give the same database
// as the SQLite migrations: same tables, columns, keys and indexes, and summary triggers that keep
// the same counts through the same writes.
import path from "node:path";
import { asc } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresSkipReason } from "@/e2e/fixtures/postgres-binaries";
import { type PostgresFixture, startPostgres } from "@/e2e/fixtures/postgres";
import { closeDb, type DB, migrateDb, openDb } from "../client";
import { openPostgres } from "../postgres";
import * as sqlite from "../schema";
import * as postgres from "./schema";
import { sqliteStructure, pgStructure } from "./structure";
import { applyWrites, trialWrites } from "./trial-workload";

const skip = postgresSkipReason();
if (skip) console.warn(`PostgreSQL migrations: skipped: ${skip}`);

describe.skipIf(skip !== null)(skip ? `PostgreSQL migrations: SKIPPED, ${skip}` : "PostgreSQL migrations", () => {
  let server: PostgresFixture | undefined;
  let pgDb: DB | undefined;
  let sqliteDb: DB | undefined;

  beforeAll(async () => {
    server = await startPostgres();
    pgDb = openPostgres(server.url, 2);
    await migrateDb(pgDb);
    sqliteDb = openDb(":memory:");
    await migrateDb(sqliteDb);
  }, 60_000);

  afterAll(async () => {
    if (sqliteDb) await closeDb(sqliteDb);
    if (pgDb) await closeDb(pgDb);
    await server?.stop();
  });

  it("create the same tables, columns, primary keys, indexes and foreign keys as the SQLite ones", async () => {
    const client = await (pgDb!.$client as unknown as pg.Pool).connect();
    try {
      expect(await pgStructure(client)).toEqual(sqliteStructure(sqliteDb!.$client));
    } finally {
      client.release();
    }
  });

  it("keep trial_counts and trial_days as the SQLite triggers do, through the same writes", async () => {
    const writes = trialWrites(18, 400);
    // The same code writes to both, through the database port, each with its own dialect's tables.
    const twin = postgres as unknown as typeof sqlite;
    await applyWrites(sqliteDb!, sqlite, writes);
    await applyWrites(pgDb!, twin, writes);

    const countsOf = (db: DB, t: typeof sqlite) =>
      db
        .select({ experimentId: t.trialCounts.experimentId, status: t.trialCounts.status, n: t.trialCounts.n })
        .from(t.trialCounts)
        .orderBy(asc(t.trialCounts.experimentId), asc(t.trialCounts.status));
    const sqliteCounts = await countsOf(sqliteDb!, sqlite);
    const pgCounts = await countsOf(pgDb!, twin);
    expect(pgCounts).toEqual(sqliteCounts);
    // Not only equal: right. Each non-zero count is the number of trials (a zero keeps its row).
    const trials = await sqliteDb!.select().from(sqlite.trials);
    const truth = new Map<string, number>();
    for (const t of trials)
      truth.set(`${t.experimentId}|${t.status}`, (truth.get(`${t.experimentId}|${t.status}`) ?? 0) + 1);
    expect(new Map(pgCounts.filter((c) => c.n > 0).map((c) => [`${c.experimentId}|${c.status}`, c.n]))).toEqual(truth);

    const daysOf = (db: DB, { trialDays: d }: typeof sqlite) =>
      db
        .select({ day: d.day, experimentId: d.experimentId, status: d.status, n: d.n })
        .from(d)
        .orderBy(asc(d.day), asc(d.experimentId), asc(d.status));
    const sqliteDays = await daysOf(sqliteDb!, sqlite);
    const pgDays = await daysOf(pgDb!, twin);
    expect(pgDays).toEqual(sqliteDays);
    expect(pgDays.reduce((sum, d) => sum + d.n, 0)).toBe(trials.length);
    expect(trials.length).toBeGreaterThan(50);
  });
});
