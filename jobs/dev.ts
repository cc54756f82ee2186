/** `npm run dev`: migrate, then Next's dev server and a runner that restarts on change. */
import { closeDb, migrateDb, openDb } from "@/db/client";
import { config } from "@/lib/config";
import { supervise } from "./supervise";

const cfg = config();
const db = openDb(cfg.databasePath);
migrateDb(db);
closeDb(db);

supervise([
  { name: "web", command: process.execPath, args: ["node_modules/next/dist/bin/next", "dev", "-p", String(cfg.port)] },
  { name: "runner", command: process.execPath, args: ["node_modules/tsx/dist/cli.mjs", "watch", "jobs/index.ts"] },
]);
