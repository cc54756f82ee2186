/**
 * The supervisor behind `npm start` and `npm run dev`: keeps the web server and the runner up.
 *
 * - A child that dies is started again: at once (after `restartDelayMs`) when it had been up and
 *   ready, with a growing delay when it keeps failing right after its start (a crash loop), said
 *   plainly in the log. One child dying never stops the others.
 * - Children run in their own process groups, so a terminal's Ctrl-C or a signal to the whole group
 *   reaches only the supervisor, which forwards it once. SIGTERM/SIGINT/SIGHUP: each child gets
 *   the signal (SIGTERM for SIGHUP) and its own stop timeout (the runner's covers its grace period and its rollback); the
 *   supervisor exits when they have. A deliberate second signal forwards a second SIGTERM (the
 *   runner then exits at once and leaves its trial to the next start) and kills what remains.
 * - Each child has an IPC channel; if the supervisor itself is killed, the channel closes and the
 *   children shut down by themselves instead of running on as orphans.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createLogger, logSettings } from "@/lib/log/logger";
import { pipeWrapped } from "@/lib/log/wrap";
import { onShutdown } from "./signals";

export type Start = { restarts: number; previousExitedAt: number | null };

export type Child = {
  name: string;
  command: string;
  args: string[];
  /** Extra environment; a function gets to know whether this start is a restart. */
  env?: Record<string, string | undefined> | ((start: Start) => Record<string, string | undefined>);
  /** How long the child may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs: number;
  /** Messages the child sends over its IPC channel (`{eris: "<name>-ready", ...}` marks it ready). */
  onMessage?: (message: Record<string, unknown>) => void;
  /**
   * The child says when it is ready (`{eris: "<name>-ready"}`): an exit before that is a failed start
   * however long it took. Otherwise a child counts as started once it has run for `startupMs`.
   */
  announcesReady?: boolean;
};

export type SuperviseOptions = {
  /** Delay before restarting a child that had been running fine. */
  restartDelayMs?: number;
  /** First delay of a crash loop; it doubles at every failed start, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A child that does not announce readiness and exits sooner than this after its start failed to start. */
  startupMs?: number;
};

type State = {
  child: Child;
  proc: ChildProcess | null;
  startedAt: number;
  ready: boolean;
  restarts: number;
  failedStarts: number;
  restartTimer: NodeJS.Timeout | null;
};

/** How long a process manager must let the runner stop: its grace period, its rollback, a margin. */
export const runnerStopTimeoutMs = (cfg: { runnerGraceMs: number; runnerRollbackTimeoutMs: number }) =>
  cfg.runnerGraceMs + cfg.runnerRollbackTimeoutMs + 10_000;

const supervisorLog = createLogger("supervisor", { stream: "stderr", tag: "eris" });
const say = (message: string) => supervisorLog.info(message);
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

export function supervise(children: Child[], options: SuperviseOptions = {}): void {
  const restartDelayMs = options.restartDelayMs ?? 500;
  const backoffMs = options.backoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const startupMs = options.startupMs ?? 10_000;
  const states = children.map<State>((child) => ({
    child,
    proc: null,
    startedAt: 0,
    ready: false,
    restarts: 0,
    failedStarts: 0,
    restartTimer: null,
  }));
  let stopping = false;
  let exitCode = 0;

  const start = (s: State, previousExitedAt: number | null) => {
    s.restartTimer = null;
    const extra =
      typeof s.child.env === "function" ? s.child.env({ restarts: s.restarts, previousExitedAt }) : s.child.env;
    // JSON logs: the child's own lines are JSON already; anything else it prints is wrapped.
    const json = logSettings().format === "json";
    const proc = spawn(s.child.command, s.child.args, {
      stdio: json ? ["inherit", "pipe", "pipe", "ipc"] : ["inherit", "inherit", "inherit", "ipc"],
      detached: true,
      env: { ...process.env, ...extra },
    });
    if (proc.stdout) pipeWrapped(proc.stdout, process.stdout, s.child.name, "info");
    if (proc.stderr) pipeWrapped(proc.stderr, process.stderr, s.child.name, "warn");
    s.proc = proc;
    s.startedAt = Date.now();
    s.ready = false;
    proc.on("message", (m) => {
      if (!m || typeof m !== "object" || !("eris" in m)) return;
      if (String(m.eris).endsWith("-ready")) s.ready = true;
      s.child.onMessage?.(m as Record<string, unknown>);
    });
    proc.on("error", (err) => say(`${s.child.name} could not be started: ${err.message}`));
    proc.on("exit", (code, signal) => onExit(s, proc, code, signal));
  };

  const onExit = (s: State, proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (s.proc !== proc) return;
    s.proc = null;
    const how = signal ?? `code ${code}`;
    if (stopping) {
      say(`${s.child.name} stopped (${how})`);
      // 130/143: the child ended on the SIGINT/SIGTERM we sent it, which is the stop we asked for.
      if (code && code !== 130 && code !== 143) exitCode = exitCode || code;
      if (states.every((x) => x.proc === null)) process.exit(exitCode);
      return;
    }
    const uptime = Date.now() - s.startedAt;
    const failedStart = !s.ready && (s.child.announcesReady || uptime < startupMs);
    s.failedStarts = failedStart ? s.failedStarts + 1 : 0;
    s.restarts++;
    if (failedStart) {
      const delay = Math.min(maxBackoffMs, backoffMs * 2 ** (s.failedStarts - 1));
      say(
        s.failedStarts > 1
          ? `${s.child.name} is crash-looping: it failed to start ${s.failedStarts} times in a row (last exit: ${how}); next attempt in ${seconds(delay)}`
          : `${s.child.name} exited ${seconds(uptime)} after starting (${how}); starting it again in ${seconds(delay)}`,
      );
      s.restartTimer = setTimeout(() => start(s, Date.now()), delay);
    } else {
      say(`${s.child.name} exited (${how}) after ${seconds(uptime)}; restarting it (restart ${s.restarts})`);
      s.restartTimer = setTimeout(() => start(s, Date.now()), restartDelayMs);
    }
  };

  const running = () => states.filter((s) => s.proc !== null);

  onShutdown({
    graceful: (reason) => {
      stopping = true;
      say(
        `${reason}: stopping ${
          running()
            .map((s) => s.child.name)
            .join(" and ") || "nothing"
        }`,
      );
      for (const s of states) {
        if (s.restartTimer) clearTimeout(s.restartTimer);
        const proc = s.proc;
        if (!proc?.pid) continue;
        // The child learns which signal stopped Eris (its trial's stop reason names it).
        process.kill(proc.pid, reason === "SIGINT" ? "SIGINT" : "SIGTERM");
        setTimeout(() => {
          if (s.proc !== proc) return;
          say(`${s.child.name} did not stop within ${seconds(s.child.stopTimeoutMs)}: killing it`);
          proc.kill("SIGKILL");
        }, s.child.stopTimeoutMs).unref();
      }
      if (!running().length) process.exit(0);
    },
    force: (reason) => {
      say(`${reason} again: stopping now`);
      for (const s of running()) if (s.proc?.pid) process.kill(s.proc.pid, "SIGTERM");
      setTimeout(() => {
        for (const s of running()) s.proc?.kill("SIGKILL");
        process.exit(1);
      }, 3000).unref();
    },
    repeated: () => {},
  });

  for (const s of states) start(s, null);
}
