/**
 * `npm start`: build if the sources changed and migrate once (jobs/prepare.ts), then run web +
 * runner together under the supervisor (jobs/supervise.ts), which restarts either when it dies.
 * Ctrl-C or SIGTERM stops both; the runner first rolls back the trial it is running.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { createLogger } from "@/lib/log/logger";
import { builtAt } from "./build-state";
import type { SupervisorSettings } from "./settings";
import { supervise } from "./supervise";

const startLog = createLogger("supervisor", { tag: "eris" });
// A 4 MB young generation instead of V8's 16 MB semi-spaces: about 30 MB less resident memory per
// process once idle, for a few more (short) scavenges under load.
const LEAN = ["--max-semi-space-size=4"];
const WEB = fileURLToPath(new URL("./web.mjs", import.meta.url));
// Build if stale, validate the settings and migrate (and create the first admin) in a process of its
// own: the supervisor stays small (no schema library, no database code). It hands the settings
// back on fd 3.
const prepared = spawnSync(process.execPath, ["jobs/launch.mjs", "prepare"], {
  stdio: ["inherit", "inherit", "inherit", "pipe"],
  env: { ...process.env, ERIS_SETTINGS_FD: "3" },
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
const cfg = JSON.parse(String(prepared.output[3])) as SupervisorSettings;

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
    // The framework behind Eris's own HTTP server (jobs/web.ts, compiled beside this file).
    args: [...LEAN, "--require", "./jobs/exit-with-parent.cjs", WEB, String(cfg.port), cfg.hostname],
    env,
    stopTimeoutMs: 10_000,
  },
  {
    name: "runner",
    command: process.execPath,
    // Compiled JavaScript under plain node (jobs/launch.mjs compiles it when the sources changed).
    args: [...LEAN, "jobs/launch.mjs", "index"],
    env: ({ restarts }) => ({
      ...env,
      ERIS_RUNNER_PREDECESSOR: restarts ? (lastHolder ?? undefined) : undefined,
      ERIS_RUNNER_RESTARTS: String(restarts),
    }),
    announcesReady: true,
    onMessage: (m) => {
      if (typeof m.holder === "string") lastHolder = m.holder;
    },
    stopTimeoutMs: cfg.runnerStopTimeoutMs,
  },
]);
