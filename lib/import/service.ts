/**
 * Creates what an import plan describes, in one transaction (the experiment, its revision
 * and the schedule, each with its audit entry), or, for a dry run, answers with the same shapes
 * without writing anything. Both answers preview the schedule's next runs.
 */
import type { DB } from "@/db/client";
import type { Experiment, NewSchedule } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import { credentialWarnings } from "@/lib/credentials/warnings";
import { toPublicExperiment } from "@/lib/experiments/present";
import { insertExperiment } from "@/lib/experiments/service";
import { describePattern, nextRuns, parsePattern } from "@/lib/schedules/pattern";
import { toPublicSchedule } from "@/lib/schedules/present";
import { insertSchedule, newScheduleRow } from "@/lib/schedules/service";
import { formatInZone } from "@/lib/schedules/timezone";
import type { Plan } from "./plan";
import type { ImportOut } from "./schemas";

const PREVIEW_RUNS = 5;

function previewRuns(row: Pick<NewSchedule, "recurrencePattern" | "timezone">, now: number) {
  const zone = row.timezone ?? "UTC";
  const pattern = parsePattern(row.recurrencePattern, zone);
  return nextRuns(pattern, PREVIEW_RUNS, now).map((ms) => ({
    utc: isoTime(ms) as string,
    local: formatInZone(ms, pattern.timezone),
  }));
}

export class ImportService {
  constructor(private readonly db: DB) {}

  /** The answer to `?dry_run=true`: what would be created, nothing written. */
  preview(plan: Plan): ImportOut {
    const now = Date.now();
    const e = plan.experiment;
    const row = plan.schedule ? newScheduleRow({ id: "", metadata: e.metadata }, plan.schedule, "", now) : null;
    return {
      dry_run: true,
      source: plan.source,
      experiment: maskSecrets({
        name: e.name,
        description: e.description,
        metadata: e.metadata,
        parameters: e.parameters,
        pre_steps: e.pre_steps,
        steps: e.steps,
        post_steps: e.post_steps,
        guards: e.guards,
      }) as ImportOut["experiment"],
      schedule: row && {
        parameters: row.parameters ?? {},
        metadata: row.metadata ?? {},
        ticket: row.ticket ?? {},
        recurrence_pattern: row.recurrencePattern,
        recurrence_count: row.recurrenceCount ?? null,
        timezone: row.timezone ?? "UTC",
        concurrency_policy: row.concurrencyPolicy ?? "Forbid",
        starting_deadline_seconds: row.startingDeadlineSeconds ?? null,
        history_limit: row.historyLimit ?? null,
        paused: row.paused ?? false,
        guards: row.guards ?? [],
        description: describePattern(parsePattern(row.recurrencePattern, row.timezone ?? "UTC")),
      },
      next_runs: row ? previewRuns(row, now) : [],
      warnings: credentialWarnings(e),
    };
  }

  /** Creates the experiment (and its schedule) in one transaction, answering with what was created. */
  async apply(plan: Plan, actor: string): Promise<ImportOut> {
    const now = Date.now();
    const { experiment, schedule } = await this.db.transaction(async (tx) => {
      const created: Experiment = await insertExperiment(tx, plan.experiment, actor, "experiment.import");
      const row = plan.schedule ? newScheduleRow(created, plan.schedule, actor, now) : null;
      return { experiment: created, schedule: row ? await insertSchedule(tx, row, actor) : null };
    });
    return {
      dry_run: false,
      source: plan.source,
      experiment: toPublicExperiment(experiment),
      schedule: schedule && toPublicSchedule(schedule, []),
      next_runs: schedule ? previewRuns(schedule, now) : [],
      warnings: credentialWarnings({
        pre_steps: experiment.preSteps,
        steps: experiment.steps,
        post_steps: experiment.postSteps,
      }),
    };
  }
}
