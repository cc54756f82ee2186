/**
 * Turns due schedule slots into trials. Each schedule is handled in one transaction:
 * the trial rows (at most one per slot, by the unique (schedule_id, scheduled_for) index), the
 * recurrence count and the next due time move together, so a crash can neither lose nor repeat a
 * slot. Semantics follow Chaos Mesh / Kubernetes CronJob, with the gaps closed.
 */
import { asc, eq, isNotNull, lte, min } from "drizzle-orm";
import type { Conn, DB, Tx } from "@/db/client";
import { type Experiment, type Schedule, type Trial, experiments, schedules } from "@/db/tables";
import { newId } from "@/lib/ids";
import { type Signal, describeStop, readSignal } from "@/lib/signal/service";
import { logLine } from "@/lib/trials/records";
import { windowReason } from "@/lib/blackout/evaluate";
import { openFor } from "@/lib/blackout/service";
import { TrialRepo } from "@/lib/trials/repo";
import { initiateStop, insertTrial, stopBeforeStart } from "@/lib/trials/transitions";
import { nextRunAfter, parsePattern } from "./pattern";

/** Slots older than this many, missed while the runner was down, are not recorded one by one. */
export const MAX_MISSED_RECORDED = 100;

export type Firing = {
  scheduleId: string;
  slot: number;
  status: "Scheduled" | "Skipped";
  reason: string | null;
  /** The schedule's history_limit, so the caller can prune after the firing's transaction. */
  historyLimit: number | null;
};

/** The earliest due time of any live schedule, for the runner's wake-up timer. */
export async function earliestDue(db: Conn): Promise<number | null> {
  const [row] = await db
    .select({ t: min(schedules.nextRunAt) })
    .from(schedules)
    .where(isNotNull(schedules.nextRunAt));
  return row?.t ?? null;
}

/** Handles every schedule due at `now`; returns what each slot became. */
export async function fireDueSchedules(db: DB, now: number, limit = 500): Promise<Firing[]> {
  const due = await db
    .select({ id: schedules.id })
    .from(schedules)
    .where(lte(schedules.nextRunAt, now))
    .orderBy(asc(schedules.nextRunAt))
    .limit(limit);
  const signal = await readSignal(db);
  const out: Firing[] = [];
  for (const { id } of due) out.push(...(await db.transaction((tx) => fireSchedule(tx, id, now, signal))));
  return out;
}

async function fireSchedule(tx: Tx, scheduleId: string, now: number, signal: Signal): Promise<Firing[]> {
  const [s] = await tx.select().from(schedules).where(eq(schedules.id, scheduleId)).limit(1);
  if (!s || s.nextRunAt === null || s.nextRunAt > now) return []; // handled meanwhile
  const [experiment] = await tx.select().from(experiments).where(eq(experiments.id, s.experimentId)).limit(1);
  if (!experiment || experiment.deletedAt !== null || s.deletedAt !== null || s.paused) {
    await tx.update(schedules).set({ nextRunAt: null }).where(eq(schedules.id, s.id));
    return [];
  }
  const pattern = parsePattern(s.recurrencePattern, s.timezone);

  // Every slot from the recorded next run up to now: the last one may run, the others were missed.
  const slots = [s.nextRunAt];
  let dropped = 0;
  for (
    let t = nextRunAfter(pattern, s.nextRunAt, s.nextRunAt);
    t !== null && t <= now;
    t = nextRunAfter(pattern, t, t)
  ) {
    slots.push(t);
    if (slots.length > MAX_MISSED_RECORDED + 1) {
      slots.shift();
      dropped++;
    }
  }
  const latest = slots[slots.length - 1];
  const firings: Firing[] = [];
  const record = async (slot: number, status: Firing["status"], reason: string | null) => {
    await insertFiring(tx, s, experiment, slot, now, status, reason);
    firings.push({ scheduleId: s.id, slot, status, reason, historyLimit: s.historyLimit });
  };

  for (const [i, slot] of slots.slice(0, -1).entries()) {
    const more = i === 0 && dropped ? ` (and ${dropped} earlier slots)` : "";
    await record(slot, "Skipped", `missed: the runner was not running at the due time${more}`);
  }

  let left = s.recurrenceLeft;
  const deadlineMs = s.startingDeadlineSeconds === null ? null : s.startingDeadlineSeconds * 1000;
  // No chaos starts during a blackout window (global, or the experiment's own).
  const window = await openFor(tx, s.experimentId, latest);
  const active = await new TrialRepo(tx).activeOfSchedule(s.id);
  if (deadlineMs !== null && now - latest > deadlineMs) {
    await record(latest, "Skipped", `missed: more than starting_deadline_seconds (${s.startingDeadlineSeconds}) late`);
  } else if (signal.state === "STOP") {
    await record(latest, "Skipped", `signal STOP: ${describeStop(signal)}`);
  } else if (window) {
    await record(latest, "Skipped", windowReason(window));
  } else if (s.concurrencyPolicy === "Forbid" && active.length) {
    await record(latest, "Skipped", `concurrency policy Forbid: trial ${active[0].id} is still ${active[0].status}`);
  } else {
    if (s.concurrencyPolicy === "Replace") await replaceActive(tx, active, now);
    await record(latest, "Scheduled", null);
    if (left !== null) left = Math.max(0, left - 1);
  }

  const exhausted = s.recurrenceCount !== null && (left ?? 0) <= 0;
  await tx
    .update(schedules)
    .set({
      recurrenceLeft: left,
      lastScheduledAt: latest,
      nextRunAt: exhausted ? null : nextRunAfter(pattern, now, latest),
    })
    .where(eq(schedules.id, s.id));
  return firings;
}

/** A slot's trial: it runs the experiment's revision current at the firing. */
async function insertFiring(
  tx: Tx,
  s: Schedule,
  experiment: Experiment,
  slot: number,
  now: number,
  status: "Scheduled" | "Skipped",
  reason: string | null,
): Promise<void> {
  await insertTrial(tx, {
    id: newId(),
    experimentId: s.experimentId,
    experimentRevision: experiment.revision,
    scheduleId: s.id,
    parameters: s.parameters,
    metadata: s.metadata,
    ticket: s.ticket,
    guards: s.guards,
    status,
    statusReason: reason,
    records: status === "Skipped" ? { result: [{ logs: [logLine("INFO", `Trial Skipped: ${reason}.`, now)] }] } : {},
    initiatedBy: "scheduler",
    initiatedFrom: "schedule",
    scheduledFor: slot,
    completedAt: status === "Skipped" ? now : null,
    createdAt: now,
  });
}

/** Replace: the schedule's queued trials stop at once, a running one is asked to stop (post_steps run). */
async function replaceActive(tx: Tx, active: Pick<Trial, "id" | "status">[], now: number): Promise<void> {
  for (const t of active) {
    if (t.status === "Scheduled") {
      const reason = "replaced by a newer firing (concurrency policy Replace)";
      await stopBeforeStart(tx, { id: t.id }, { reason, by: "scheduler", line: `Trial Stopped: ${reason}.`, now });
    } else if (t.status === "In Progress") {
      await initiateStop(tx, t.id, "scheduler (concurrency policy Replace)");
    }
  }
}
