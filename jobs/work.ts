/** Runs queued trials one at a time, watching each for a stop request while it runs. */
import type { DB } from "@/db/client";
import { BUILTIN_MODULES } from "@/lib/modules/registry";
import { StopRequested, TrialExecutor } from "@/lib/trials/executor";
import { log } from "./log";
import { claimNext, pendingStop } from "./queue";

const STOP_POLL_MS = 200;

export async function runNextTrial(db: DB): Promise<boolean> {
  const trial = claimNext(db, Date.now());
  if (!trial) return false;
  log("trial started", { trial: trial.id, experiment: trial.experimentId });
  const stop = new AbortController();
  const watcher = setInterval(() => {
    const by = pendingStop(db, trial.id);
    if (by && !stop.signal.aborted) stop.abort(new StopRequested(by));
  }, STOP_POLL_MS);
  try {
    const status = await new TrialExecutor(db, BUILTIN_MODULES).run(trial.id, stop.signal);
    log("trial finished", { trial: trial.id, status });
  } catch (err) {
    log("trial crashed", { trial: trial.id, error: (err as Error).message });
  } finally {
    clearInterval(watcher);
  }
  return true;
}
