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
  /** The trial the step belongs to, for actions that label what they create with it. */
  trialId?: string;
  /** Where the step stands in its trial, for actions that name what they create after it. */
  step?: StepPosition;
  /**
   * The global PAUSE, for an action whose fault can be paused (`pausable`): it holds inside the
   * step while PAUSE holds (pausing its fault, not counting its hold time) and resumes on RUN.
   * Absent outside a runner.
   */
  pause?: PauseControl;
  /**
   * Registers a secret value the action obtained or sent (a token from an identity provider, an
   * Authorization header), so the trial masks it wherever it appears (the trial's SecretSet.add).
   */
  secret?: (value: string) => void;
};

export type StepPosition = { list: "pre_steps" | "steps" | "post_steps"; index: number };

export type PauseControl = {
  /** True while the global signal is PAUSE. */
  isPaused(): boolean;
  /** Resolves at the next change of the pause state; rejects with the reason when `signal` aborts. */
  nextChange(signal: AbortSignal): Promise<void>;
};

/** Where a module's cleanup looks: the trial's steps of that module, as they were run. */
export type CleanupContext = {
  trialId: string;
  /** Arguments rendered with the trial's parameters, the credentials block resolved. */
  steps: { do: string; args: Record<string, unknown>; credential: Credential | null }[];
  signal: AbortSignal;
  log: (message: string) => void;
  credentialHandlers: Record<string, CredentialHandler>;
};

export type ActionDef<S extends z.ZodType = z.ZodType> = {
  description: string;
  args: S;
  /** Longest a single call may take before it is aborted; a `timeout_seconds` argument may lower it. */
  defaultTimeoutMs?: number;
  /**
   * The action holds a fault that PAUSE can pause (it uses `ctx.pause`): no overall step timeout
   * applies, since a pause may last any time; the action bounds its own waits.
   */
  pausable?: boolean;
  run: (args: z.output<S>, ctx: ActionContext) => Promise<unknown>;
};

export type ModuleDef = {
  description: string;
  actions: Record<string, ActionDef>;
  /**
   * For a name that is not a key of `actions`: the key it stands for (aws's bare `stop_instances`
   * → `ec2.stop_instances`), an error saying why it cannot be used (a bare name that several
   * services share), or null when the module does not know it either.
   */
  resolveName?: (name: string) => { name: string } | { error: string } | null;
  /**
   * The module takes no `credentials` block (aws: the SDK's own chain): a step that has one fails
   * with this message before anything is resolved or read.
   */
  refusesCredentials?: string;
  /**
   * Removes whatever the module's steps injected for a trial (e.g. objects labelled with it),
   * whatever ended the trial: success, failure, stop, or a crash (called again on recovery).
   * Returns one line per thing removed; must be safe to call when nothing is left.
   */
  cleanup?: (ctx: CleanupContext) => Promise<string[]>;
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
