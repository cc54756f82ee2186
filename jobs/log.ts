/** The runner's log: one line per event (text or JSON, lib/log/logger.ts), the trial's id on every line about one. */
import { createLogger } from "@/lib/log/logger";

const runnerLog = createLogger("runner");

export function log(event: string, fields: Record<string, unknown> = {}): void {
  runnerLog.info(event, fields);
}

export const logError = runnerLog.error;
