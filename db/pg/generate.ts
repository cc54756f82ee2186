/** Writes db/pg/schema.ts from db/schema.ts (`npm run db:generate-pg` then runs drizzle-kit on it). */
import fs from "node:fs";
import path from "node:path";
import { PG_SCHEMA_FILE, renderPgSchema } from "./render-schema";

const file = path.resolve(import.meta.dirname, "..", "..", PG_SCHEMA_FILE);
const next = renderPgSchema();
const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
if (previous === next) {
  console.log(`${PG_SCHEMA_FILE} is up to date`);
} else {
  fs.writeFileSync(file, next);
  console.log(`${PG_SCHEMA_FILE} written`);
}
