/**
 * `npm start`: build if the sources changed, migrate once, then run web + runner together under the
 * supervisor (jobs/supervise.ts), which restarts either when it dies. Ctrl-C or SIGTERM stops both;
 * the runner first rolls back the trial it is running.
 */
import { execFileSync } from "node:child_process";
import { closeDb, migrateDb, openDb } from "@/db/client";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { config } from "@/lib/config";
import { createLogger } from "@/lib/log/logger";
import { createFirstAdminFromEnv } from "./first-admin";
import { NEXT, buildIfStale, builtAt } from "./build-state";
import { runnerStopTimeoutMs, supervise } from "./supervise";

const startLog = createLogger("supervisor", { tag: "eris" });
const cfg = config();
if (!buildIfStale()) process.exit(1);

const db = openDb(cfg.databasePath);
migrateDb(db);
await createFirstAdminFromEnv(db);
closeDb(db);
startLog.info("database migrated", { database: cfg.databasePath });

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

startLog.info(`web on http://${cfg.hostname === "0.0.0.0" ? "localhost" : cfg.hostname}:${cfg.port}`);
// The runner tells its lease holder id when it is ready; after it dies, the next one is told that
// this holder is gone (the supervisor saw it exit) and takes the lease over at once.
let lastHolder: string | null = null;
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
    env: ({ restarts }) => ({
      ...env,
      ERIS_RUNNER_PREDECESSOR: restarts ? (lastHolder ?? undefined) : undefined,
      ERIS_RUNNER_RESTARTS: String(restarts),
    }),
    announcesReady: true,
    onMessage: (m) => {
      if (typeof m.holder === "string") lastHolder = m.holder;
    },
    stopTimeoutMs: runnerStopTimeoutMs(cfg),
  },
]);
