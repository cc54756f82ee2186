import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts: its schema is generated from db/schema.ts
// (`npm run db:generate-pg` regenerates it, then the migrations).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/pg/migrations",
});
