/** Queries of the stored metrics (`metric_values`); every write adds to a series in one statement. */
import { sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { type MetricValue, metricValues } from "@/db/schema";

export type SeriesIncrement = { name: string; labels: string; value: number };

/** Adds each value to its series (created at 0 when new), inside the caller's transaction if any. */
export function addToSeries(conn: DB | Tx, increments: SeriesIncrement[]): void {
  for (const row of increments) {
    conn
      .insert(metricValues)
      .values(row)
      .onConflictDoUpdate({
        target: [metricValues.name, metricValues.labels],
        set: { value: sql`${metricValues.value} + excluded.value` },
      })
      .run();
  }
}

export function allSeries(db: DB): MetricValue[] {
  return db.select().from(metricValues).all();
}
