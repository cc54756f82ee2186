/** Shared by `npm start` and `npm run dev`: run child processes, forward signals, stop together. */
import { type ChildProcess, spawn } from "node:child_process";

export type Child = { name: string; command: string; args: string[]; env?: Record<string, string | undefined> };

export function supervise(children: Child[], graceMs = 15_000): void {
  const running = new Map<string, ChildProcess>();
  let stopping = false;

  const stopAll = (signal: NodeJS.Signals, code: number) => {
    if (stopping) {
      // A second Ctrl-C: do not wait any longer.
      for (const p of running.values()) p.kill("SIGKILL");
      process.exit(code || 1);
    }
    stopping = true;
    for (const p of running.values()) p.kill(signal);
    setTimeout(() => {
      for (const p of running.values()) p.kill("SIGKILL");
    }, graceMs).unref();
    const done = () => {
      if (running.size === 0) process.exit(code);
    };
    for (const p of running.values()) p.on("exit", done);
    done();
  };

  for (const c of children) {
    const p = spawn(c.command, c.args, { stdio: "inherit", env: { ...process.env, ...c.env } });
    running.set(c.name, p);
    p.on("exit", (code, signal) => {
      running.delete(c.name);
      if (!stopping) {
        console.error(`[eris] ${c.name} exited (${signal ?? code}); stopping the others`);
        stopAll("SIGTERM", code || 1);
      }
    });
  }
  process.on("SIGINT", () => stopAll("SIGINT", 0));
  process.on("SIGTERM", () => stopAll("SIGTERM", 0));
}
