/**
 * One step, start to end: resolve the action and its credentials, check its arguments and
 * expectations, call it with an AbortSignal and a timeout, and write Kallisti's log lines.
 */
import type { Step } from "@/db/schema";
import { resolveCredential } from "@/lib/credentials/handlers";
import { maskSecrets } from "@/lib/credentials/mask";
import type { SecretSet } from "@/lib/credentials/secrets";
import type { Credential } from "@/lib/credentials/types";
import { type Expectation, checkExpectations, parseExpectation } from "@/lib/modules/expect";
import { type Toolbox, resolveAction } from "@/lib/modules/registry";
import type { PauseControl, StepPosition } from "@/lib/modules/types";
import { logLine, type StepLog } from "./records";
import { withDeadline } from "@/lib/deadline";

/** Why a trial's signal was aborted; anything else aborting a step is a timeout or a failure. */
export class StopRequested extends Error {
  constructor(readonly by: string) {
    super(`Trial has been stopped by ${by}`);
    this.name = "TrialStopError";
  }
}

/** The rollback itself was cut short (a shutdown's rollback timeout): the next runner resumes it. */
export class RollbackInterrupted extends Error {
  constructor(readonly why: string) {
    super(`Rollback interrupted: ${why}`);
    this.name = "RollbackInterrupted";
  }
}

const DEFAULT_STEP_TIMEOUT_MS = 10 * 60_000;

export type StepCall = {
  toolbox: Toolbox;
  trialId: string;
  step: Step;
  /** Its list and index in the trial (actions name what they create after it). */
  position?: StepPosition;
  /** The step's arguments after parameter substitution. */
  where: Record<string, unknown>;
  entry: StepLog;
  /** Aborts the action in flight. */
  stop: AbortSignal;
  pause?: PauseControl;
  /** The trial's secrets: every value registered here is masked wherever the trial writes it. */
  secrets: SecretSet;
  /** Called after every log line, so the caller can write them out while the step still runs. */
  onLog?: () => void;
};

/** Runs one step, filling its log and status; returns the failure message, or null when it passed. */
export async function runStep(call: StepCall): Promise<string | null> {
  const { toolbox, trialId, step, position, where, entry, stop, pause, secrets, onLog } = call;
  const log = (level: "INFO" | "ERROR", msg: string) => {
    entry.logs.push(logLine(level, secrets.maskString(msg)));
    onLog?.();
  };
  const fail = (type: string, message: string, status = "failed") => {
    log("ERROR", `Step failed. Type: ${type}. Error: ${message}`);
    entry.status = status;
    return secrets.maskString(message);
  };
  const resolved = resolveAction(toolbox.modules, step.do);
  if ("error" in resolved) return fail("CouldNotFindFunction", resolved.error);
  // A `credentials` block is resolved by the credential map and handed over apart from the arguments.
  const { credentials: block, ...args } = where;
  let credential: Credential | null = null;
  const refuses = toolbox.modules[resolved.namespace]?.refusesCredentials;
  if (block !== undefined && refuses) return fail("InvalidCredentialType", refuses);
  if (block !== undefined) {
    try {
      credential = await resolveCredential(toolbox.credentials, block, { secret: secrets.add });
    } catch (err) {
      return fail("InvalidCredentialType", (err as Error).message);
    }
  }
  const parsed = resolved.action.args.safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "where"}: ${i.message}`).join("; ");
    return fail("InvalidArguments", `Invalid arguments for ${step.do}: ${issues}`);
  }
  const expectations: Expectation[] = [];
  for (const item of step.expect ?? []) {
    const e = parseExpectation(item);
    if ("error" in e) return fail("InvalidExpectOperator", e.error);
    expectations.push(e);
  }
  // A pausable action may be held by PAUSE for any time: it bounds its own waits instead.
  const timeoutMs = resolved.action.pausable ? null : (resolved.action.defaultTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS);
  const signal = timeoutMs === null ? stop : withDeadline(stop, timeoutMs);
  log("INFO", "Starting command execution.");
  try {
    const result = await resolved.action.run(parsed.data, {
      signal,
      log: (m) => log("INFO", m),
      credential,
      credentialHandlers: toolbox.credentials,
      trialId,
      step: position,
      pause,
      secret: secrets.add,
    });
    if (result !== null && result !== undefined) {
      log("INFO", `Result: ${JSON.stringify(secrets.mask(maskSecrets(result)))}.`);
    }
    if (expectations.length) {
      checkExpectations(result ?? null, expectations);
      log("INFO", `Succeeded. All expectations passed: ${JSON.stringify(step.expect)}.`);
    }
    log("INFO", "Completed.");
    entry.status = "succeeded";
    return null;
  } catch (err) {
    if (stop.aborted && stop.reason instanceof RollbackInterrupted) {
      return fail("RollbackInterrupted", stop.reason.why, "interrupted");
    }
    if (stop.aborted) return fail("TrialStopError", (stop.reason as Error).message, "stopped");
    if (signal.aborted) return fail("TimeoutError", `Step timed out after ${(timeoutMs ?? 0) / 1000} seconds`);
    const e = err as Error;
    return fail(e.name === "Error" ? "Exception" : e.name, e.message);
  }
}
