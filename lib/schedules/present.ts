import type { Schedule, Trial } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import { describePattern, parsePattern } from "./pattern";
import type { ScheduleOut } from "./schemas";

function describeSchedule(s: Schedule): string {
  try {
    return describePattern(parsePattern(s.recurrencePattern, s.timezone));
  } catch {
    return s.recurrencePattern;
  }
}

export function toPublicSchedule(s: Schedule, trials: Trial[]): ScheduleOut {
  return maskSecrets({
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
    trials: trials.map((t) => ({
      id: t.id,
      status: t.status,
      executed_at: isoTime(t.executedAt),
      scheduled_for: isoTime(t.scheduledFor) as string,
    })),
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
}
