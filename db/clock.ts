/**
 * The time the runner lease is measured by. Runners on several hosts compare a lease's expiry with
 * "now": on PostgreSQL that is the database server's clock, the one clock every replica shares, so
 * a host whose clock runs ahead cannot take a live runner's lease early. On SQLite every process is
 * on one host, and its clock is the one to use.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Conn } from "./client";
import { dialect } from "./tables";

type Executes = { execute(query: SQL): Promise<{ rows: { now: string | number }[] }> };

export async function databaseNow(db: Conn): Promise<number> {
  if (dialect !== "postgres") return Date.now();
  const { rows } = await (db as unknown as Executes).execute(
    sql`select (extract(epoch from clock_timestamp()) * 1000)::bigint as now`,
  );
  return Number(rows[0].now);
}
