/**
 * A dry run: everything a trial would check before it touches anything, and nothing more. Parameters
 * are merged and substituted, every step's and guard's arguments validated against its action,
 * expectations parsed, credentials checked as allowed and present (their values never shown), the
 * signal and blackout windows consulted. No action runs, no row is written.
 */
import { z } from "zod";
import type { Conn } from "@/db/client";
import type { Experiment, Step } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import { openFor } from "@/lib/blackout/service";
import { BUILTIN_CREDENTIALS, resolveCredential } from "@/lib/credentials/handlers";
import { maskSecrets } from "@/lib/credentials/mask";
import { SecretSet } from "@/lib/credentials/secrets";
import { parseExpectation } from "@/lib/modules/expect";
import { type Toolbox, resolveAction } from "@/lib/modules/registry";
import { describeStop, readSignal } from "@/lib/signal/service";
import { windowReason } from "@/lib/blackout/evaluate";
import { missingParameters, render } from "./template";

const LISTS = ["pre_steps", "steps", "post_steps", "guards"] as const;
type ListName = (typeof LISTS)[number];

const plannedStepSchema = z.object({
  index: z.number().int(),
  step: z.string().nullable(),
  do: z.string(),
  where: z.record(z.string(), z.unknown()).describe("The arguments after substitution, secrets masked"),
  problems: z.array(z.string()).describe("What would fail: an unknown action, a bad argument, a credential"),
  notes: z.array(z.string()).describe("What the dry run did not check (a plug-in's credential handler may call out)"),
});
export type PlannedStep = z.infer<typeof plannedStepSchema>;

/** The answer to `POST /trial` with `dry_run: true`. */
export const planOutSchema = z.object({
  dry_run: z.literal(true),
  ok: z.boolean().describe("No problem found"),
  experiment: z.object({ id: z.string(), name: z.string(), revision: z.number().int() }),
  parameters: z.record(z.string(), z.unknown()).describe("Merged experiment and trial parameters, secrets masked"),
  steps: z.object({
    pre_steps: z.array(plannedStepSchema),
    steps: z.array(plannedStepSchema),
    post_steps: z.array(plannedStepSchema),
    guards: z.array(plannedStepSchema),
  }),
  signal: z.string().describe("RUN, PAUSE (the trial would wait) or STOP (it would be Skipped)"),
  blackout: z.string().nullable().describe("The blackout window open now, if any"),
  problems: z.array(z.string()),
});
export type Plan = z.infer<typeof planOutSchema>;

export async function planTrial(
  db: Conn,
  toolbox: Toolbox,
  experiment: Experiment,
  run: { parameters: Record<string, unknown>; guards: Step[]; overrideBlackout?: string },
): Promise<Plan> {
  const params = { ...experiment.parameters, ...run.parameters };
  const secrets = new SecretSet();
  secrets.addByKeyName(params);
  const lists: Record<ListName, Step[]> = {
    pre_steps: experiment.preSteps,
    steps: experiment.steps,
    post_steps: experiment.postSteps,
    guards: [...experiment.guards, ...run.guards],
  };
  const problems: string[] = [];
  const missing = missingParameters(
    LISTS.map((l) => lists[l].map((s) => s.where)),
    params,
  );
  if (missing.length) problems.push(`missing parameters: ${missing.join(", ")} (the trial would be Invalid)`);

  const steps = {} as Record<ListName, PlannedStep[]>;
  for (const list of LISTS) {
    steps[list] = [];
    for (const [index, step] of lists[list].entries()) {
      const where = render(step.where, params);
      secrets.addByKeyName(where);
      const notes: string[] = [];
      const found = await checkStep(toolbox, step, where, missing, secrets, notes);
      steps[list].push({
        index,
        step: step.step ?? null,
        do: step.do,
        where: secrets.mask(maskSecrets(where)),
        problems: found,
        notes,
      });
      problems.push(...found.map((p) => `${list}.${index}: ${p}`));
    }
  }

  const signal = await readSignal(db);
  if (signal.state === "STOP") problems.push(`signal STOP: the trial would be Skipped (${describeStop(signal)})`);
  const window = await openFor(db, experiment.id, Date.now());
  if (window && !run.overrideBlackout) problems.push(`${windowReason(window)} is open: the trial would be Skipped`);
  return {
    dry_run: true,
    ok: problems.length === 0,
    experiment: { id: experiment.id, name: experiment.name, revision: experiment.revision },
    parameters: secrets.mask(maskSecrets(params)),
    steps,
    signal:
      signal.state === "PAUSE"
        ? `PAUSE: the trial would wait until RUN (${signal.reason || "no reason given"})`
        : signal.state,
    blackout: window
      ? `${windowReason(window)}, open until ${isoTime(window.closesAt)}${run.overrideBlackout ? " (overridden)" : ""}`
      : null,
    problems: problems.map((p) => secrets.maskString(p)),
  };
}

async function checkStep(
  toolbox: Toolbox,
  step: Step,
  where: Record<string, unknown>,
  missing: string[],
  secrets: SecretSet,
  notes: string[],
): Promise<string[]> {
  const resolved = resolveAction(toolbox.modules, step.do);
  if ("error" in resolved) return [resolved.error];
  const found: string[] = [];
  const { credentials: block, ...args } = where;
  const templated = missing.some((m) => JSON.stringify(step.where).includes(m));
  const parsed = resolved.action.args.safeParse(args);
  if (!parsed.success && !templated) {
    for (const i of parsed.error.issues) found.push(`${i.path.join(".") || "where"}: ${i.message}`);
  }
  for (const item of step.expect ?? []) {
    const e = parseExpectation(item);
    if ("error" in e) found.push(e.error);
  }
  if (block !== undefined) {
    const refuses = toolbox.modules[resolved.namespace]?.refusesCredentials;
    const type = block && typeof block === "object" ? (block as { type?: unknown }).type : undefined;
    if (refuses) found.push(refuses);
    else if (typeof type === "string" && !Object.hasOwn(BUILTIN_CREDENTIALS, type)) {
      notes.push(`credential type ${type} comes from a plug-in: not resolved in a dry run`);
    } else {
      // Built-in handlers read only the runner's own environment and files: nothing is contacted.
      await resolveCredential(toolbox.credentials, block, { secret: secrets.add }).catch((err: Error) =>
        found.push(err.message),
      );
    }
  }
  return found;
}
