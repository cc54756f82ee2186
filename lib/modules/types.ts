/**
 * The module contract. A module is a namespace of actions; an action declares a zod schema for its
 * `where` arguments (validation, the wizard's forms, the catalogue), receives an AbortSignal and a
 * timeout, and returns a JSON result that `expect` checks.
 */
import type { z } from "zod";
import type { Credential, CredentialHandler } from "@/lib/credentials/types";

export type ActionContext = {
  /** Aborted when the trial is stopped, the runner shuts down, or the step times out. */
  signal: AbortSignal;
  /** Writes a line into the step's log (already masked by the caller). */
  log: (message: string) => void;
  /** The step's `where.credentials` block, resolved; null when the step has none. */
  credential: Credential | null;
  /** The credential-handler map, for actions that resolve nested blocks (cm's oauth2 authentication). */
  credentialHandlers: Record<string, CredentialHandler>;
  /**
   * Registers a secret value the action obtained or sent (a token from an identity provider, an
   * Authorization header), so the trial masks it wherever it appears (the trial's SecretSet.add).
   */
  secret?: (value: string) => void;
};

export type ActionDef<S extends z.ZodType = z.ZodType> = {
  description: string;
  args: S;
  /** Longest a single call may take before it is aborted; a `timeout_seconds` argument may lower it. */
  defaultTimeoutMs?: number;
  run: (args: z.output<S>, ctx: ActionContext) => Promise<unknown>;
};

export type ModuleDef = {
  description: string;
  actions: Record<string, ActionDef>;
};

export const defineAction = <S extends z.ZodType>(def: ActionDef<S>): ActionDef<S> => def;

/** An action failed in a way the trial should record (Kallisti's FailedAction). */
export class FailedAction extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FailedAction";
  }
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
