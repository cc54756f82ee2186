/** Queries of the stored metrics (`metric_values`); every write adds to a series in one statement. */
import { sql } from "drizzle-orm";
import type { Conn, DB } from "@/db/client";
import { type MetricValue, metricValues } from "@/db/tables";

export type SeriesIncrement = { name: string; labels: string; value: number };

/** Adds each value to its series (created at 0 when new), inside the caller's transaction if any. */
export async function addToSeries(conn: Conn, increments: SeriesIncrement[]): Promise<void> {
  for (const row of increments) {
    await conn
      .insert(metricValues)
      .values(row)
      .onConflictDoUpdate({
        target: [metricValues.name, metricValues.labels],
        set: { value: sql`${metricValues.value} + excluded.value` },
      });
  }
}

export function allSeries(db: DB): Promise<MetricValue[]> {
  return db.select().from(metricValues);
}
