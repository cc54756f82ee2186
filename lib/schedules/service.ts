import type { Conn, DB } from "@/db/client";
import type { Experiment, NewSchedule, Schedule, Trial } from "@/db/schema";
import { notFound } from "@/lib/api/errors";
import type { Page } from "@/lib/api/paging";
import { recordAudit } from "@/lib/audit/service";
import { restoreMasked } from "@/lib/credentials/mask";
import { normaliseGuard } from "@/lib/experiments/present";
import { ExperimentRepo } from "@/lib/experiments/repo";
import { isUuid, newId } from "@/lib/ids";
import { TrialRepo } from "@/lib/trials/repo";
import { schedulesAnswer } from "./answers";
import { ScheduleRepo } from "./repo";
import type { ScheduleInput, SchedulePatch, ScheduleReplace } from "./schemas";
import { checkPattern, computeNextRun, scheduleZone } from "./timing";

/** The fields an audit entry compares. */
const auditView = (s: Schedule) => ({
  experiment_id: s.experimentId,
  recurrence_pattern: s.recurrencePattern,
  recurrence_count: s.recurrenceCount,
  timezone: s.timezone,
  concurrency_policy: s.concurrencyPolicy,
  starting_deadline_seconds: s.startingDeadlineSeconds,
  history_limit: s.historyLimit,
  paused: s.paused,
  guards: s.guards,
  parameters: s.parameters,
  metadata: s.metadata,
  ticket: s.ticket,
});

/** Fields whose change moves the next due slot. */
const TIMING_FIELDS = ["recurrencePattern", "timezone", "paused", "recurrenceLeft"] as const;

/** A schedule's row for an experiment, its pattern checked (400s name the field), next run computed. */
export function newScheduleRow(
  experiment: Pick<Experiment, "id" | "metadata">,
  input: ScheduleInput,
  actor: string,
  now = Date.now(),
): NewSchedule {
  const timezone = scheduleZone(input.recurrence_pattern, input.timezone, "UTC");
  checkPattern(input.recurrence_pattern, timezone);
  const row = {
    id: newId(),
    experimentId: experiment.id,
    parameters: input.parameters,
    metadata: { ...experiment.metadata, ...input.metadata },
    ticket: input.ticket,
    recurrencePattern: input.recurrence_pattern,
    recurrenceCount: input.recurrence_count,
    recurrenceLeft: input.recurrence_count,
    timezone,
    concurrencyPolicy: input.concurrency_policy,
    startingDeadlineSeconds: input.starting_deadline_seconds,
    historyLimit: input.history_limit,
    paused: input.paused,
    guards: input.guards.map(normaliseGuard),
    lastScheduledAt: null,
    deletedAt: null,
    createdBy: actor,
    createdAt: now,
  };
  return { ...row, nextRunAt: computeNextRun(row, now) };
}

/** Inserts the row with its audit entry, inside the caller's transaction. */
export async function insertSchedule(tx: Conn, row: NewSchedule, actor: string): Promise<Schedule> {
  const created = await new ScheduleRepo(tx).insert(row);
  await recordAudit(tx, {
    actor,
    action: "schedule.create",
    targetType: "schedule",
    targetId: created.id,
    after: auditView(created),
  });
  return created;
}

export class ScheduleService {
  private readonly repo: ScheduleRepo;

  constructor(private readonly db: DB) {
    this.repo = new ScheduleRepo(db);
  }

  async create(experimentId: string, input: ScheduleInput, actor: string): Promise<Schedule> {
    const experiment = isUuid(experimentId) ? await new ExperimentRepo(this.db).findLive(experimentId) : null;
    if (!experiment) throw notFound();
    const row = newScheduleRow(experiment, input, actor);
    return this.db.transaction((tx) => insertSchedule(tx, row, actor));
  }

  /** Unknown or malformed experiment → 404; a deleted experiment has no live schedules. */
  async list(experimentId: string, page: Page): Promise<{ rows: Schedule[]; total: number }> {
    const experiment = isUuid(experimentId) ? await new ExperimentRepo(this.db).findById(experimentId) : null;
    if (!experiment) throw notFound();
    if (experiment.deletedAt !== null) return { rows: [], total: 0 };
    return this.repo.listLive(experimentId, page);
  }

  listAll(page: Page) {
    return this.repo.listAllLive(page);
  }

  async get(experimentId: string, id: string): Promise<Schedule> {
    const row = isUuid(experimentId) && isUuid(id) ? await this.repo.find(experimentId, id) : null;
    if (!row) throw notFound();
    return row;
  }

  /** One schedule (deleted ones too) with its embedded `trials`, as cached JSON text and an ETag. */
  async answer(experimentId: string, id: string): Promise<{ etag: string; body: () => Promise<string> }> {
    return this.answerFor(await this.get(experimentId, id));
  }

  /** A schedule as written, with its trials (a write answers with the schedule it made). */
  async answerFor(schedule: Schedule): Promise<{ etag: string; body: () => Promise<string> }> {
    const a = await schedulesAnswer(this.db, [schedule]);
    return { etag: a.etag, body: a.one };
  }

  /** A page of an experiment's live schedules with their trials; 404 as `list`. */
  async listAnswer(
    experimentId: string,
    page: Page,
  ): Promise<{ etag: string; body: () => Promise<string>; total: number }> {
    const { rows, total } = await this.list(experimentId, page);
    const a = await schedulesAnswer(this.db, rows, [total]);
    return { etag: a.etag, body: a.list, total };
  }

  /**
   * PUT resets Kallisti's omitted fields to their defaults (its schema fills them in) and keeps
   * Eris's extensions; PATCH keeps every omitted field. Changing `recurrence_count` resets
   * `recurrence_left`; a timing change re-arms `next_run_at` from now.
   */
  update(experimentId: string, id: string, input: ScheduleReplace | SchedulePatch, actor: string): Promise<Schedule> {
    return this.db.transaction(async (tx) => {
      const repo = new ScheduleRepo(tx);
      const current = isUuid(experimentId) && isUuid(id) ? await repo.find(experimentId, id) : null;
      if (!current) throw notFound();
      const experiment = await new ExperimentRepo(tx).findById(experimentId);
      const next: Schedule = { ...current };
      if (input.recurrence_pattern !== undefined) next.recurrencePattern = input.recurrence_pattern;
      if (input.parameters !== undefined) next.parameters = restoreMasked(input.parameters, current.parameters);
      if (input.metadata !== undefined) {
        next.metadata = { ...experiment?.metadata, ...restoreMasked(input.metadata, current.metadata) };
      }
      if (input.ticket !== undefined) next.ticket = input.ticket;
      if (input.concurrency_policy !== undefined) next.concurrencyPolicy = input.concurrency_policy;
      if (input.starting_deadline_seconds !== undefined) next.startingDeadlineSeconds = input.starting_deadline_seconds;
      if (input.history_limit !== undefined) next.historyLimit = input.history_limit;
      if (input.paused !== undefined) next.paused = input.paused;
      if (input.guards !== undefined) next.guards = restoreMasked(input.guards.map(normaliseGuard), current.guards);
      if (input.recurrence_count !== undefined && input.recurrence_count !== current.recurrenceCount) {
        next.recurrenceCount = input.recurrence_count;
        next.recurrenceLeft = input.recurrence_count;
      }
      next.timezone = scheduleZone(next.recurrencePattern, input.timezone, next.timezone);
      checkPattern(next.recurrencePattern, next.timezone);
      const now = Date.now();
      if (TIMING_FIELDS.some((f) => next[f] !== current[f])) {
        // A changed pattern or a resume counts from now, not from a slot of the old timing.
        next.lastScheduledAt = null;
        next.nextRunAt = computeNextRun(next, now);
      }
      const { id: _id, createdAt: _c, updatedAt: _u, ...patch } = next;
      const updated = await repo.update(id, patch satisfies Partial<NewSchedule>);
      await recordAudit(tx, {
        actor,
        action: "schedule.update",
        targetType: "schedule",
        targetId: id,
        before: auditView(current),
        after: auditView(updated),
      });
      return updated;
    });
  }

  async delete(experimentId: string, id: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const repo = new ScheduleRepo(tx);
      if (!(isUuid(experimentId) && isUuid(id) && (await repo.find(experimentId, id)))) throw notFound();
      await repo.update(id, { deletedAt: Date.now(), nextRunAt: null });
      await recordAudit(tx, { actor, action: "schedule.delete", targetType: "schedule", targetId: id });
    });
  }
}
