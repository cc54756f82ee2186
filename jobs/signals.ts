/**
 * Shutdown signals for the supervisor and the runner. One signal can arrive more than once: a
 * terminal's Ctrl-C reaches the whole process group and npm forwards it again, a few milliseconds
 * apart. Deliveries within `sameSignalMs` of the first count once; a signal that comes later is a
 * deliberate second one and forces the exit.
 */
export const SHUTDOWN_SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;

export type ShutdownHandlers = {
  graceful: (reason: string) => void | Promise<void>;
  force: (reason: string) => void | Promise<void>;
  /** Called for a repeated delivery of the first signal (it changes nothing). */
  repeated?: (reason: string) => void;
};

export function onShutdown(h: ShutdownHandlers, sameSignalMs = 1000): (reason: string) => void {
  let firstAt: number | null = null;
  const handle = (reason: string) => {
    const now = Date.now();
    if (firstAt === null) {
      firstAt = now;
      void h.graceful(reason);
    } else if (now - firstAt < sameSignalMs) {
      h.repeated?.(reason);
    } else {
      void h.force(reason);
    }
  };
  for (const s of SHUTDOWN_SIGNALS) process.on(s, () => handle(s));
  // Started by the supervisor with an IPC channel: when the supervisor dies (even by SIGKILL) the
  // channel closes, and this process shuts down as if told to, instead of running on as an orphan.
  process.on("disconnect", () => handle("supervisor gone"));
  return handle;
}
