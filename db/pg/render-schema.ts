/**
 * Renders db/pg/schema.ts, the PostgreSQL twin of db/schema.ts, from the SQLite tables themselves
 * (drizzle's getTableConfig), so that the two dialects share one definition. Whatever the source
 * uses that has no rule here (a new column type, a check, an expression index) stops the
 * generator with a message rather than being dropped silently.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { getTableColumns, is, SQL } from "drizzle-orm";
import { type AnySQLiteColumn, getTableConfig, SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as source from "../schema";
import { integerWidth } from "./integer-widths";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const PG_SCHEMA_FILE = "db/pg/schema.ts";

const HEADER = `// Generated from db/schema.ts by db/pg/generate.ts (\`npm run db:generate-pg\`); do not edit by hand.
// The same tables, columns, keys and indexes for PostgreSQL. Integer widths: db/pg/integer-widths.ts.
`;

type SourceTable = { variable: string; name: string; table: SQLiteTable };

/**
 * Every table db/schema.ts exports, under the name it exports it by, sorted by that name: module
 * namespaces list exports in different orders under different loaders (tsx, vitest).
 */
function sourceTables(): SourceTable[] {
  const tables: SourceTable[] = [];
  for (const [variable, value] of Object.entries(source as Record<string, unknown>)) {
    if (is(value, SQLiteTable)) tables.push({ variable, table: value, name: getTableConfig(value).name });
  }
  return tables.sort((a, b) => a.variable.localeCompare(b.variable));
}

/** Used pieces of the output, so that the imports list only those. */
class Uses {
  readonly pgCore = new Set<string>(["pgTable"]);
  readonly fromSource = new Set<string>();
}

/** An enum column refers to the exported constant of the source (e.g. TRIAL_STATUSES), not a copy. */
function enumConstant(values: string[]): string {
  const found = Object.entries(source).find(
    ([, value]) => Array.isArray(value) && JSON.stringify(value) === JSON.stringify(values),
  );
  if (!found) throw new Error(`no constant in db/schema.ts exports the enum ${JSON.stringify(values)}`);
  return `source.${found[0]}`;
}

function columnBuilder(table: SourceTable, key: string, column: AnySQLiteColumn, uses: Uses): string {
  const name = JSON.stringify(column.name);
  switch (column.columnType) {
    case "SQLiteText": {
      uses.pgCore.add("text");
      return column.enumValues ? `text(${name}, { enum: ${enumConstant(column.enumValues)} })` : `text(${name})`;
    }
    // json, not jsonb: it keeps the text as written (key order included), as SQLite does, so an
    // experiment reads back, exports and compares exactly as it was saved.
    case "SQLiteTextJson":
      uses.pgCore.add("json");
      uses.fromSource.add("type JsonOf");
      return `json(${name}).$type<JsonOf<typeof source.${table.variable}, "${key}">>()`;
    case "SQLiteBoolean":
      uses.pgCore.add("boolean");
      return `boolean(${name})`;
    case "SQLiteReal":
      uses.pgCore.add("doublePrecision");
      return `doublePrecision(${name})`;
    case "SQLiteInteger": {
      const width = integerWidth(table.name, column.name);
      uses.pgCore.add(width);
      return width === "bigint" ? `bigint(${name}, { mode: "number" })` : `integer(${name})`;
    }
    default:
      throw new Error(`${table.name}.${column.name}: no PostgreSQL rule for ${column.columnType}`);
  }
}

type Keys = { tableOf: Map<SQLiteTable, SourceTable>; keyOf: Map<unknown, string> };

function columnKey(keys: Keys, column: unknown, where: string): string {
  const key = keys.keyOf.get(column);
  if (!key) throw new Error(`${where}: only plain columns are supported (no SQL expressions)`);
  return key;
}

function renderColumn(table: SourceTable, key: string, column: AnySQLiteColumn, keys: Keys, uses: Uses): string {
  const where = `${table.name}.${column.name}`;
  if (column.isUnique || column.generatedIdentity || (column as { generated?: unknown }).generated) {
    throw new Error(`${where}: column-level unique and generated columns have no rule yet`);
  }
  const parts = [columnBuilder(table, key, column, uses)];
  if (column.primary) parts.push("primaryKey()");
  else if (column.notNull) parts.push("notNull()");
  if (column.default !== undefined) {
    if (is(column.default, SQL)) throw new Error(`${where}: SQL defaults have no rule yet`);
    parts.push(`default(${JSON.stringify(column.default)})`);
  }
  const self = `source.${table.variable}.${key}`;
  if (column.defaultFn) {
    uses.fromSource.add("defaultOf");
    parts.push(`$defaultFn(defaultOf(${self}))`);
  }
  if (column.onUpdateFn) {
    uses.fromSource.add("onUpdateOf");
    parts.push(`$onUpdate(onUpdateOf(${self}))`);
  }
  for (const fk of getTableConfig(table.table).foreignKeys) {
    const ref = fk.reference();
    if (!ref.columns.includes(column)) continue;
    if (ref.columns.length !== 1) throw new Error(`${where}: multi-column foreign keys have no rule yet`);
    const target = keys.tableOf.get(ref.foreignTable);
    if (!target) throw new Error(`${where}: references a table db/schema.ts does not export`);
    const actions = [
      fk.onDelete && `onDelete: ${JSON.stringify(fk.onDelete)}`,
      fk.onUpdate && `onUpdate: ${JSON.stringify(fk.onUpdate)}`,
    ].filter(Boolean);
    const targetKey = columnKey(keys, ref.foreignColumns[0], where);
    parts.push(
      `references(() => ${target.variable}.${targetKey}${actions.length ? `, { ${actions.join(", ")} }` : ""})`,
    );
  }
  return `${key}: ${parts.join(".")},`;
}

function renderExtras(table: SourceTable, keys: Keys, uses: Uses): string[] {
  const config = getTableConfig(table.table);
  if (config.checks.length || config.uniqueConstraints.length) {
    throw new Error(`${table.name}: checks and unique constraints have no rule yet (use a unique index)`);
  }
  const extras: string[] = [];
  for (const pk of config.primaryKeys) {
    uses.pgCore.add("primaryKey");
    const columns = pk.columns.map((c) => `t.${columnKey(keys, c, table.name)}`);
    extras.push(`primaryKey({ columns: [${columns.join(", ")}] })`);
  }
  for (const { config: ix } of config.indexes) {
    if (ix.where) throw new Error(`${ix.name}: partial indexes have no rule yet`);
    const builder = ix.unique ? "uniqueIndex" : "index";
    uses.pgCore.add(builder);
    const columns = ix.columns.map((c) => `t.${columnKey(keys, c, ix.name)}`);
    extras.push(`${builder}(${JSON.stringify(ix.name)}).on(${columns.join(", ")})`);
  }
  return extras;
}

function renderTable(table: SourceTable, keys: Keys, uses: Uses): string {
  const columns = Object.entries(getTableColumns(table.table)).map(([key, column]) =>
    renderColumn(table, key, column, keys, uses),
  );
  const extras = renderExtras(table, keys, uses);
  const third = extras.length ? `, (t) => [${extras.join(", ")}]` : "";
  return `export const ${table.variable} = pgTable(${JSON.stringify(table.name)}, {\n${columns.join("\n")}\n}${third});\n`;
}

/** The generated module before formatting. */
export function renderPgSchemaUnformatted(): string {
  const tables = sourceTables();
  const keys: Keys = { tableOf: new Map(), keyOf: new Map() };
  for (const t of tables) {
    keys.tableOf.set(t.table, t);
    for (const [key, column] of Object.entries(getTableColumns(t.table))) {
      if (!is(column, SQLiteColumn)) throw new Error(`${t.name}.${key} is not a SQLite column`);
      keys.keyOf.set(column, key);
    }
  }
  const uses = new Uses();
  const body = tables.map((t) => renderTable(t, keys, uses)).join("\n");
  const imports = [
    `import { ${[...uses.pgCore].sort().join(", ")} } from "drizzle-orm/pg-core";`,
    `import * as source from "../schema";`,
    uses.fromSource.size
      ? `import { ${[...uses.fromSource].sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", ""))).join(", ")} } from "./from-source";`
      : "",
  ].filter(Boolean);
  return `${HEADER}${imports.join("\n")}\n\n${body}`;
}

/** Formats as `npx biome format` would, so that formatting the repository never changes the file. */
function formatWithBiome(code: string): string {
  const biome = path.join(ROOT, "node_modules", ".bin", "biome");
  const run = spawnSync(biome, ["format", `--stdin-file-path=${PG_SCHEMA_FILE}`], {
    cwd: ROOT,
    input: code,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`biome could not format the generated schema:\n${run.stderr}`);
  return run.stdout;
}

/** The exact content db/pg/schema.ts must have. */
export function renderPgSchema(): string {
  return formatWithBiome(renderPgSchemaUnformatted());
}
