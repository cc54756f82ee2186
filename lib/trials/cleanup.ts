/**
 * Whatever ends a trial, what its steps injected is removed: every module used by the trial that
 * knows how to clean up (e.g. chaosmesh deletes the objects labelled with the trial) is asked to,
 * with the trial's steps of that module as they were run. Runs at the end of a trial and again in
 * recovery; each module's cleanup is safe to repeat. Returns the log lines for the trial's result.
 */
import type { ExperimentRevision, Step } from "@/db/schema";
import { resolveCredential } from "@/lib/credentials/handlers";
import type { Credential } from "@/lib/credentials/types";
import { type Toolbox, resolveAction } from "@/lib/modules/registry";
import type { CleanupContext, ModuleDef } from "@/lib/modules/types";
import { logLine } from "./records";
import { render } from "./template";

const CLEANUP_TIMEOUT_MS = 120_000;

type Definition = Pick<ExperimentRevision, "preSteps" | "steps" | "postSteps">;

export async function cleanupTrial(
  toolbox: Toolbox,
  trialId: string,
  definition: Definition,
  params: Record<string, unknown>,
): Promise<string[]> {
  const byModule = new Map<ModuleDef, { name: string; steps: Step[] }>();
  for (const step of [...definition.preSteps, ...definition.steps, ...definition.postSteps]) {
    const namespace = step.do.split(".")[0];
    const mod = Object.hasOwn(toolbox.modules, namespace) ? toolbox.modules[namespace] : undefined;
    if (!mod?.cleanup || "error" in resolveAction(toolbox.modules, step.do)) continue;
    const entry = byModule.get(mod) ?? { name: namespace, steps: [] };
    entry.steps.push(step);
    byModule.set(mod, entry);
  }
  const lines: string[] = [];
  for (const [mod, { name, steps }] of byModule) {
    const log = (m: string) => lines.push(logLine("INFO", `Cleanup (${name}): ${m}`));
    try {
      const ctx: CleanupContext = {
        trialId,
        steps: await Promise.all(steps.map((s) => resolved(toolbox, s, params))),
        signal: AbortSignal.timeout(CLEANUP_TIMEOUT_MS),
        log,
        credentialHandlers: toolbox.credentials,
      };
      const removed = await (mod.cleanup as NonNullable<ModuleDef["cleanup"]>)(ctx);
      for (const what of removed) log(`removed ${what}`);
      if (!removed.length) log("nothing left to remove");
    } catch (err) {
      lines.push(logLine("ERROR", `Cleanup (${name}) failed: ${(err as Error).message}`));
    }
  }
  return lines;
}

async function resolved(toolbox: Toolbox, step: Step, params: Record<string, unknown>) {
  const { credentials: block, ...args } = render(step.where, params);
  let credential: Credential | null = null;
  if (block !== undefined) {
    // A credential that cannot be resolved now leaves the default connection to the module.
    credential = await resolveCredential(toolbox.credentials, block).catch(() => null);
  }
  return { do: step.do, args, credential };
}
