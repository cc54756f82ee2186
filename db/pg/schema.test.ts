// The PostgreSQL schema and its migrations are generated from db/schema.ts and committed: these
// checks fail when either was not regenerated after a change to the source.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import type * as source from "../schema";
import { PG_SCHEMA_FILE, renderPgSchema } from "./render-schema";
import type * as generated from "./schema";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const REGENERATE = "run `npm run db:generate-pg` and commit the result";

type Rows<M> = { [K in keyof M]: M[K] extends { $inferSelect: infer R } ? R : never };
// SQLite's INTEGER PRIMARY KEY is the rowid, assigned when an insert leaves it out, so its insert
// type makes the id optional; PostgreSQL's integer key is a plain column. The singleton rows that
// have one (id 1) always give it, so there the id is required and the rest must be the same.
type RowidTables = "runnerLease" | "signalState" | "notificationSettings";
type Inserts<M> = { [K in keyof M]: M[K] extends { $inferInsert: infer R } ? R : never };

describe("db/tables.ts", () => {
  it("offers every table of db/schema.ts, as the twin of the database this process uses", async () => {
    const schema = await import("../schema");
    const tables: Record<string, unknown> = await import("../tables");
    const names = Object.keys(schema).filter((name) => is(schema[name as keyof typeof schema], SQLiteTable));
    expect(names.length).toBeGreaterThan(10);
    const Dialect = process.env.DATABASE_URL ? PgTable : SQLiteTable;
    for (const name of names) {
      expect(is(tables[name], Dialect), name).toBe(true);
      expect(getTableName(tables[name] as SQLiteTable)).toBe(
        getTableName(schema[name as keyof typeof schema] as SQLiteTable),
      );
    }
  });
});

describe("the PostgreSQL schema generated from db/schema.ts", () => {
  it("is the committed db/pg/schema.ts", () => {
    const committed = fs.readFileSync(path.join(ROOT, PG_SCHEMA_FILE), "utf8");
    expect(renderPgSchema(), `${PG_SCHEMA_FILE} is stale: ${REGENERATE}`).toBe(committed);
  });

  it("reads and writes rows of the same TypeScript types as the SQLite tables", () => {
    // Checked by the type checker (tsc, vitest --typecheck); a no-op when the test runs.
    expectTypeOf<Rows<typeof generated>>().toEqualTypeOf<Pick<Rows<typeof source>, keyof typeof generated>>();
    expectTypeOf<Omit<Inserts<typeof generated>, RowidTables>>().toEqualTypeOf<
      Omit<Pick<Inserts<typeof source>, keyof typeof generated>, RowidTables>
    >();
    expectTypeOf<Omit<typeof generated.runnerLease.$inferInsert, "id">>().toEqualTypeOf<
      Omit<typeof source.runnerLease.$inferInsert, "id">
    >();
    expectTypeOf<Omit<typeof generated.signalState.$inferInsert, "id">>().toEqualTypeOf<
      Omit<typeof source.signalState.$inferInsert, "id">
    >();
    expectTypeOf<Omit<typeof generated.notificationSettings.$inferInsert, "id">>().toEqualTypeOf<
      Omit<typeof source.notificationSettings.$inferInsert, "id">
    >();
    expectTypeOf<(typeof generated.runnerLease.$inferInsert)["id"]>().toEqualTypeOf<number>();
  });

  it("needs no migration beyond the committed db/pg/migrations", () => {
    // drizzle-kit compares the schema with the last snapshot; it writes into a copy, never the repository.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "eris-pg-migrations-"));
    try {
      fs.cpSync(path.join(ROOT, "db", "pg", "migrations"), copy, { recursive: true });
      const before = fs.readdirSync(copy).sort();
      const kit = spawnSync(
        path.join(ROOT, "node_modules", ".bin", "drizzle-kit"),
        ["generate", "--dialect", "postgresql", "--schema", `./${PG_SCHEMA_FILE}`, "--out", path.relative(ROOT, copy)],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(kit.status, kit.stderr).toBe(0);
      expect(fs.readdirSync(copy).sort(), `db/pg/migrations is stale: ${REGENERATE}`).toEqual(before);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
