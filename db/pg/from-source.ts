/**
 * What the generated PostgreSQL schema takes from the SQLite schema at run time and in types, so
 * that the things drizzle-kit cannot see (a JSON column's TypeScript type, a default computed in
 * JavaScript such as Date.now()) are the source's own, not copies that could drift.
 */
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** The TypeScript type of a JSON column, as the SQLite table declares it. */
export type JsonOf<T extends { $inferSelect: object }, K extends keyof T["$inferSelect"]> = NonNullable<
  T["$inferSelect"][K]
>;

/** The source column's `$defaultFn`. */
export function defaultOf<C extends AnySQLiteColumn>(column: C): () => C["_"]["data"] {
  const fn = column.defaultFn;
  if (!fn) throw new Error(`${column.name} has no $defaultFn in db/schema.ts`);
  return fn as () => C["_"]["data"];
}

/** The source column's `$onUpdate`. */
export function onUpdateOf<C extends AnySQLiteColumn>(column: C): () => C["_"]["data"] {
  const fn = column.onUpdateFn;
  if (!fn) throw new Error(`${column.name} has no $onUpdate in db/schema.ts`);
  return fn as () => C["_"]["data"];
}
