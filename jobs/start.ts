/**
 * `npm start`: build if the sources changed, migrate once, then run web + runner together.
 * Ctrl-C or SIGTERM stops both.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { config } from "@/lib/config";
import { createFirstAdminFromEnv } from "./first-admin";
import { buildIsCurrent, builtAt, recordBuild, sourceHash } from "./build-state";
import { supervise } from "./supervise";

const cfg = config();
const NEXT = "node_modules/next/dist/bin/next";

const hash = sourceHash();
if (!buildIsCurrent(hash)) {
  console.log("[eris] building the web app (first start or changed sources)…");
  const build = spawnSync(process.execPath, [NEXT, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // `next build` may rewrite tsconfig.json; hash what the next start will see.
  recordBuild(sourceHash());
}

const db = openDb(cfg.databasePath);
migrateDb(db);
await createFirstAdminFromEnv(db);
closeDb(db);
console.log(`[eris] database ${cfg.databasePath} migrated`);

let commit: string | undefined;
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] })
    .toString()
    .trim();
} catch {
  commit = undefined;
}
const env = {
  ERIS_BUILD_COMMIT: commit,
  ERIS_BUILT_AT: builtAt() ?? undefined,
  NEXTAUTH_SECRET: ensureAuthSecret(cfg.databasePath),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://${cfg.hostname === "0.0.0.0" ? "localhost" : cfg.hostname}:${cfg.port}`,
};

console.log(`[eris] web on http://${cfg.hostname === "0.0.0.0" ? "localhost" : cfg.hostname}:${cfg.port}`);
supervise([
  { name: "web", command: process.execPath, args: [NEXT, "start", "-p", String(cfg.port), "-H", cfg.hostname], env },
  { name: "runner", command: process.execPath, args: ["--import", "tsx", "jobs/index.ts"], env },
]);
