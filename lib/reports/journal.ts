/**
 * The JSON journal, in the spirit of Chaos Toolkit's: every other format is rendered from it.
 * Its zod schema is the documented contract (GET /api/v1/report/schema serves it as JSON Schema).
 */
import { z } from "zod";
import type { Step } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import type { GuardRecord } from "@/lib/trials/guards";
import type { StepLog, TrialRecords } from "@/lib/trials/records";
import type { ReportExperiment, ReportGroup, ReportTrial } from "./collect";
import { countTrials, sumCounts } from "./summary";

const LISTS = ["pre_steps", "steps", "post_steps"] as const;
const obj = z.record(z.string(), z.unknown());
const time = z.string().nullable();

export const journalStepSchema = z.object({
  list: z.enum(LISTS),
  index: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  do: z.string(),
  status: z.string().describe("succeeded, failed, stopped, interrupted, running, or not_run"),
  start: time,
  end: time,
  duration_seconds: z.number().nullable(),
  parameters: obj.describe("the step's arguments after templating, secrets masked"),
  expect: z.array(obj),
  logs: z.array(z.string()),
});

export const journalGuardSchema = z.object({
  name: z.string(),
  do: z.string(),
  interval_seconds: z.number().int(),
  tolerance: z.number().int(),
  checks: z.number().int(),
  failures: z.number().int(),
  tripped_at: time.describe("when this guard stopped the trial, if it did"),
  last_message: z.string().nullable().describe("what the latest failing check saw"),
});

export const journalTrialSchema = z.object({
  id: z.string(),
  experiment_revision: z.number().int().describe("the experiment revision the trial ran; its steps are listed"),
  status: z.string(),
  status_reason: z.string().nullable(),
  schedule: z.string().nullable(),
  initiated_by: z.string(),
  initiated_from: z.string(),
  scheduled_for: time,
  start: time,
  end: time,
  duration_seconds: z.number().nullable(),
  parameters: obj,
  metadata: obj,
  ticket: obj,
  steps: z.array(journalStepSchema),
  guards: z.array(journalGuardSchema).describe("the guards that watched the steps, and what they saw"),
  result: z.array(z.string()),
});

const countsSchema = z.object({
  trials: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int().describe("Failed, Aborted or Invalid"),
  other: z.number().int().describe("without an outcome: stopped, skipped, queued or running"),
  success_rate: z.number().nullable().describe("succeeded / (succeeded + failed); null when neither"),
});

export const journalSchema = z.object({
  format: z.literal("eris-journal/1"),
  title: z.string(),
  generated_at: z.string(),
  time_zone: z.string().describe("the IANA zone the human-readable formats show times in"),
  summary: countsSchema.extend({ experiments: z.number().int() }),
  experiments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      summary: countsSchema,
      metadata: obj,
      parameters: obj,
      pre_steps: z.array(obj),
      steps: z.array(obj),
      post_steps: z.array(obj),
      trials: z.array(journalTrialSchema),
    }),
  ),
});

export type Journal = z.infer<typeof journalSchema>;
export type JournalTrial = z.infer<typeof journalTrialSchema>;
export type JournalStep = z.infer<typeof journalStepSchema>;
export type JournalGuard = z.infer<typeof journalGuardSchema>;

function journalGuards(record: GuardRecord): JournalGuard[] {
  return (record.guards ?? []).map((g) => ({
    name: g.name,
    do: g.do,
    interval_seconds: g.interval_seconds,
    tolerance: g.tolerance,
    checks: g.checks,
    failures: g.failures,
    tripped_at: g.tripped_at,
    last_message: [...g.history].reverse().find((c) => !c.ok)?.message ?? null,
  }));
}

const seconds = (a: string | null | undefined, b: string | null | undefined) =>
  a && b ? Math.max(0, (Date.parse(b) - Date.parse(a)) / 1000) : null;
const isoOrNull = (s: string | null | undefined) => s ?? null;

function journalSteps(defs: Record<(typeof LISTS)[number], Step[]>, records: TrialRecords): JournalStep[] {
  return LISTS.flatMap((list) =>
    defs[list].map((def, index): JournalStep => {
      const log: StepLog | undefined = records[list]?.[index];
      return {
        list,
        index,
        name: log?.step_name ?? def.do,
        description: def.step ?? null,
        do: def.do,
        status: log?.status ?? (log ? "succeeded" : "not_run"),
        start: isoOrNull(log?.started_at),
        end: isoOrNull(log?.ended_at),
        duration_seconds: seconds(log?.started_at, log?.ended_at),
        parameters: log?.step_parameters ?? def.where,
        expect: def.expect ?? [],
        logs: log?.logs ?? [],
      };
    }),
  );
}

export type JournalExperiment = Journal["experiments"][number];
/** The journal without its trials: what a report says before the first trial is written. */
export type JournalHead = Omit<Journal, "experiments"> & { experiments: Omit<JournalExperiment, "trials">[] };

export function journalTrial(t: ReportTrial): JournalTrial {
  const records = t.records as TrialRecords;
  const start = isoTime(t.executedAt);
  const end = isoTime(t.completedAt);
  return {
    id: t.id,
    experiment_revision: t.experimentRevision,
    status: t.status,
    status_reason: t.statusReason,
    schedule: t.scheduleId,
    initiated_by: t.initiatedBy,
    initiated_from: t.initiatedFrom,
    scheduled_for: isoTime(t.scheduledFor),
    start,
    end,
    duration_seconds: seconds(start, end),
    parameters: t.parameters,
    metadata: t.metadata,
    ticket: t.ticket,
    steps: journalSteps(
      { pre_steps: t.definition.preSteps, steps: t.definition.steps, post_steps: t.definition.postSteps },
      records,
    ),
    guards: journalGuards(t.guardRecord as GuardRecord),
    result: records.result?.flatMap((r) => r.logs) ?? [],
  };
}

export function journalHead(
  experiments: ReportExperiment[],
  title: string,
  now = Date.now(),
  timeZone = "UTC",
): JournalHead {
  return {
    format: "eris-journal/1",
    title,
    generated_at: isoTime(now) as string,
    time_zone: timeZone,
    summary: {
      experiments: experiments.length,
      ...sumCounts(experiments.map((e) => e.counts)),
    },
    experiments: experiments.map(({ experiment: e, counts }) => ({
      id: e.id,
      name: e.name,
      description: e.description,
      summary: counts,
      metadata: e.metadata,
      parameters: e.parameters,
      pre_steps: e.preSteps,
      steps: e.steps,
      post_steps: e.postSteps,
    })),
  };
}

/** The whole journal in memory (the PDF and tests); the streamed formats write it a trial at a time. */
export function buildJournal(groups: ReportGroup[], title: string, now = Date.now(), timeZone = "UTC"): Journal {
  const head = journalHead(
    groups.map((g) => ({ experiment: g.experiment, counts: countTrials(g.trials.map((t) => t.status)) })),
    title,
    now,
    timeZone,
  );
  return {
    ...head,
    experiments: head.experiments.map((e, i) => ({ ...e, trials: groups[i].trials.map(journalTrial) })),
  };
}

export function journalJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(journalSchema, { target: "draft-2020-12" }) as Record<string, unknown>),
    title: "Eris trial journal",
  };
}
