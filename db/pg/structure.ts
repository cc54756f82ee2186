/**
 * The structure of a migrated database, read back from the database itself (not from the schema
 * files), in one shape for both dialects, so that the two can be compared as plain values.
 */
import type Database from "better-sqlite3";
import type pg from "pg";

export type TableStructure = {
  /** name → nullable, and whether the column has a default in the database. */
  columns: Record<string, { nullable: boolean; hasDefault: boolean }>;
  primaryKey: string[];
  /** name → columns in index order, and uniqueness (primary key indexes excluded). */
  indexes: Record<string, { columns: string[]; unique: boolean }>;
  /** "column → table.column", one per single-column foreign key. */
  foreignKeys: string[];
};
export type Structure = Record<string, TableStructure>;

const byName = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));

export function sqliteStructure(db: Database.Database): Structure {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .pluck()
    .all() as string[];
  return byName(
    tables.map((table) => {
      type Col = { name: string; notnull: number; pk: number; dflt_value: string | null };
      const cols = db.prepare(`PRAGMA table_info("${table}")`).all() as Col[];
      type Ix = { name: string; unique: number; origin: string };
      const ixs = (db.prepare(`PRAGMA index_list("${table}")`).all() as Ix[]).filter((i) => i.origin === "c");
      type Fk = { from: string; table: string; to: string };
      const fks = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Fk[];
      const structure: TableStructure = {
        // A primary key column can never hold NULL in PostgreSQL; in SQLite an INTEGER PRIMARY KEY
        // cannot either (it is the rowid), whatever table_info reports.
        columns: byName(
          cols.map((c) => [c.name, { nullable: !c.notnull && !c.pk, hasDefault: c.dflt_value !== null }]),
        ),
        primaryKey: cols
          .filter((c) => c.pk)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        indexes: byName(
          ixs.map((i) => {
            const info = db.prepare(`PRAGMA index_info("${i.name}")`).all() as { seqno: number; name: string }[];
            const columns = info.sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
            return [i.name, { columns, unique: i.unique === 1 }];
          }),
        ),
        foreignKeys: fks.map((f) => `${f.from} → ${f.table}.${f.to}`).sort(),
      };
      return [table, structure];
    }),
  );
}

const PG_COLUMNS = `
  SELECT table_name, column_name, is_nullable = 'YES' AS nullable, column_default IS NOT NULL AS has_default
  FROM information_schema.columns WHERE table_schema = 'public'`;
const PG_PRIMARY_KEYS = `
  SELECT t.relname AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS columns
  FROM pg_constraint c
  JOIN pg_class t ON t.oid = c.conrelid
  JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = 'public'
  JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) ON true
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
  WHERE c.contype = 'p' GROUP BY t.relname`;
const PG_INDEXES = `
  SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS unique,
         array_agg(a.attname::text ORDER BY k.ord) AS columns
  FROM pg_index ix
  JOIN pg_class i ON i.oid = ix.indexrelid
  JOIN pg_class t ON t.oid = ix.indrelid
  JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = 'public'
  JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
  WHERE NOT ix.indisprimary GROUP BY t.relname, i.relname, ix.indisunique`;
const PG_FOREIGN_KEYS = `
  SELECT t.relname AS table_name, a.attname AS from_column, ft.relname AS to_table, fa.attname AS to_column
  FROM pg_constraint c
  JOIN pg_class t ON t.oid = c.conrelid
  JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = 'public'
  JOIN pg_class ft ON ft.oid = c.confrelid
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
  JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
  WHERE c.contype = 'f' AND cardinality(c.conkey) = 1`;

export async function pgStructure(client: pg.ClientBase): Promise<Structure> {
  const tables = new Map<string, TableStructure>();
  const table = (name: string) => {
    const known = tables.get(name);
    if (known) return known;
    const created: TableStructure = { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] };
    tables.set(name, created);
    return created;
  };
  for (const r of (await client.query(PG_COLUMNS)).rows) {
    table(r.table_name).columns[r.column_name] = { nullable: r.nullable, hasDefault: r.has_default };
  }
  for (const r of (await client.query(PG_PRIMARY_KEYS)).rows) table(r.table_name).primaryKey = r.columns;
  for (const r of (await client.query(PG_INDEXES)).rows) {
    table(r.table_name).indexes[r.index_name] = { columns: r.columns, unique: r.unique };
  }
  for (const r of (await client.query(PG_FOREIGN_KEYS)).rows) {
    table(r.table_name).foreignKeys.push(`${r.from_column} → ${r.to_table}.${r.to_column}`);
  }
  return byName(
    [...tables].map(([name, t]) => [
      name,
      {
        ...t,
        columns: byName(Object.entries(t.columns)),
        indexes: byName(Object.entries(t.indexes)),
        foreignKeys: t.foreignKeys.sort(),
      },
    ]),
  );
}
