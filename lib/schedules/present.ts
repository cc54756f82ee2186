import type { Schedule } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import { describePattern, parsePattern } from "./pattern";
import type { ScheduleTrial } from "@/lib/trials/repo";
import type { ScheduleOut } from "./schemas";

function describeSchedule(s: Schedule): string {
  try {
    return describePattern(parsePattern(s.recurrencePattern, s.timezone));
  } catch {
    return s.recurrencePattern;
  }
}

/** A schedule in Kallisti's shape, with its trials embedded (id, status, executed_at, scheduled_for). */
export function toPublicSchedule(s: Schedule, trials: ScheduleTrial[]): ScheduleOut {
  const out = maskSecrets({
    id: s.id,
    experiment_id: s.experimentId,
    parameters: s.parameters,
    metadata: s.metadata,
    ticket: s.ticket,
    recurrence_pattern: s.recurrencePattern,
    recurrence_count: s.recurrenceCount,
    recurrence_left: s.recurrenceLeft,
    created_by: s.createdBy,
    created_at: isoTime(s.createdAt) as string,
    trials: [] as ScheduleOut["trials"],
    timezone: s.timezone,
    concurrency_policy: s.concurrencyPolicy,
    starting_deadline_seconds: s.startingDeadlineSeconds,
    history_limit: s.historyLimit,
    paused: s.paused,
    next_run_at: isoTime(s.nextRunAt),
    description: describeSchedule(s),
    updated_at: isoTime(s.updatedAt) as string,
    guards: s.guards,
  });
  // Set after masking, in its place: ids, statuses and times hold no secret, and a schedule's
  // history can hold tens of thousands of trials not worth walking.
  out.trials = trials.map((t) => ({
    id: t.id,
    status: t.status,
    executed_at: isoTime(t.executedAt),
    scheduled_for: isoTime(t.scheduledFor) as string,
  }));
  return out;
}

/** The all-schedules list: each schedule without its trials (a history can hold millions). */
export function toScheduleSummary(s: Schedule & { experimentName: string }) {
  const { trials: _omitted, ...rest } = toPublicSchedule(s, []);
  return { ...rest, experiment_name: s.experimentName };
}
