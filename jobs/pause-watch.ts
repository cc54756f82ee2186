/**
 * The global PAUSE as a step sees it (lib/modules/types.ts PauseControl): the runner updates it from
 * the signal it polls while a trial runs, and a pausable action waits on its changes.
 */
import type { PauseControl } from "@/lib/modules/types";

export class PauseWatch implements PauseControl {
  private paused = false;
  private readonly waiters = new Set<() => void>();

  update(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    for (const wake of [...this.waiters]) wake();
  }

  isPaused(): boolean {
    return this.paused;
  }

  nextChange(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const wake = () => {
        this.waiters.delete(wake);
        signal.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        this.waiters.delete(wake);
        reject(signal.reason);
      };
      this.waiters.add(wake);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}
