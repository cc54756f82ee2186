/** `npm run dev`: migrate, then Next's dev server and a runner that restarts on change. */
import { closeDb, migrateDb, openDatabase } from "@/db/client";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { config } from "@/lib/config";
import { createFirstAdminFromEnv } from "./first-admin";
import { runnerStopTimeoutMs, supervise } from "./supervise";

const cfg = config();
const db = openDatabase(cfg);
await migrateDb(db);
await createFirstAdminFromEnv(db);
await closeDb(db);
const env = {
  NEXTAUTH_SECRET: ensureAuthSecret(cfg.databasePath),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${cfg.port}`,
};

supervise([
  {
    name: "web",
    command: process.execPath,
    args: [
      "--require",
      "./jobs/exit-with-parent.cjs",
      "node_modules/next/dist/bin/next",
      "dev",
      "-p",
      String(cfg.port),
    ],
    env,
    stopTimeoutMs: 10_000,
  },
  {
    name: "runner",
    command: process.execPath,
    args: ["node_modules/tsx/dist/cli.mjs", "watch", "jobs/index.ts"],
    env,
    stopTimeoutMs: runnerStopTimeoutMs(cfg),
  },
]);
