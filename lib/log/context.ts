/**
 * What every log line written while handling something carries without being told: the API
 * request's id (web) or the trial's id (runner). Kept on globalThis so every route bundle shares it.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type LogContext = { request_id?: string; trial_id?: string };

const holder = globalThis as unknown as { __erisLogContext?: AsyncLocalStorage<LogContext> };
if (!holder.__erisLogContext) holder.__erisLogContext = new AsyncLocalStorage<LogContext>();
const storage = holder.__erisLogContext;

/** Runs `fn` with `ctx` added to the current context (for everything it calls and awaits). */
export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...ctx }, fn);
}

export const logContext = (): LogContext => storage.getStore() ?? {};
