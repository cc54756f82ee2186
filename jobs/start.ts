/**
 * `npm start`: build if the sources changed, migrate once, then run web + runner together under the
 * supervisor (jobs/supervise.ts), which restarts either when it dies. Ctrl-C or SIGTERM stops both;
 * the runner first rolls back the trial it is running.
 */
import { execFileSync } from "node:child_process";
import { hostname } from "node:os";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { config } from "@/lib/config";
import { newId } from "@/lib/ids";
import { createFirstAdminFromEnv } from "./first-admin";
import { NEXT, buildIfStale, builtAt } from "./build-state";
import { runnerStopTimeoutMs, supervise } from "./supervise";

const cfg = config();
if (!buildIfStale()) process.exit(1);

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
  NEXTAUTH_URL:
    process.env.NEXTAUTH_URL ?? `http://${cfg.hostname === "0.0.0.0" ? "localhost" : cfg.hostname}:${cfg.port}`,
};

console.log(`[eris] web on http://${cfg.hostname === "0.0.0.0" ? "localhost" : cfg.hostname}:${cfg.port}`);
let runnerId: string | null = null;
supervise([
  {
    name: "web",
    command: process.execPath,
    args: ["--require", "./jobs/exit-with-parent.cjs", NEXT, "start", "-p", String(cfg.port), "-H", cfg.hostname],
    env,
    stopTimeoutMs: 10_000,
  },
  {
    name: "runner",
    command: process.execPath,
    args: ["--import", "tsx", "jobs/index.ts"],
    // Each start gets a fresh runner id and names its predecessor, which the supervisor saw die, so
    // the new runner takes the lease over at once instead of waiting for it to expire.
    env: ({ restarts }) => {
      const predecessor = runnerId;
      runnerId = `${hostname()}:${newId().slice(0, 8)}`;
      return {
        ...env,
        ERIS_RUNNER_ID: runnerId,
        ERIS_RUNNER_PREDECESSOR: predecessor ?? undefined,
        ERIS_RUNNER_RESTARTS: String(restarts),
      };
    },
    stopTimeoutMs: runnerStopTimeoutMs(cfg),
  },
]);
