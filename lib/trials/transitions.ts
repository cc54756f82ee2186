/**
 * Every write to the `trials` table, as short statements for a transaction (each awaits database
 * work only). Nothing else
 * in Eris writes trials: the lifecycle (lifecycle.ts) calls these for the API and the runner, and the
 * scheduler and the signal call them inside their own transactions.
 *
 * Runner writes are fenced: they apply only while the trial is owned by the runner's (id, lease
 * epoch) and that runner still holds the lease with that epoch. A fenced write that changes no row
 * means the trial was taken over; the caller must stop at once.
 */
import { and, asc, eq, inArray, lt, lte, not, or, isNull, sql } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { type NewTrial, type Trial, runnerLease, trials } from "@/db/tables";
import { recordTrialEnd } from "@/lib/metrics/record";
import { logLine, type TrialRecords, withResult } from "./records";
import { RUNNING_STATUSES, TERMINAL_STATUSES, type TerminalStatus, isTerminalStatus } from "./statuses";

/** A runner's claim on the trials it runs: its id and the lease epoch it holds. */
export type Fence = { runnerId: string; epoch: number };

const leaseHeld = (f: Fence) =>
  sql`exists (select 1 from ${runnerLease} where ${runnerLease.holder} = ${f.runnerId} and ${runnerLease.epoch} = ${f.epoch})`;

const ownedBy = (f: Fence) => and(eq(trials.runnerId, f.runnerId), eq(trials.runnerEpoch, f.epoch), leaseHeld(f));

/** A new trial (queued, or recorded as Skipped); a firing's slot conflict inserts nothing. */
export async function insertTrial(tx: Conn, row: NewTrial): Promise<Trial | null> {
  const [trial = null] = await tx.insert(trials).values(row).onConflictDoNothing().returning();
  // Recorded as Skipped from the start: it ended here (the trial metrics count it in this transaction).
  if (trial && isTerminalStatus(trial.status)) await recordTrialEnd(tx, trial);
  return trial;
}

/**
 * Scheduled → Stopped, before it ever ran: one trial by id, or every queued trial. Returns the
 * trials it stopped. Used by a stop request, the global STOP and the Replace policy.
 */
export async function stopBeforeStart(
  tx: Conn,
  which: { id: string } | { all: true },
  how: { reason: string; by: string; line: string; now: number },
): Promise<Trial[]> {
  const queued = await tx
    .select({ id: trials.id, records: trials.records })
    .from(trials)
    .where(and(eq(trials.status, "Scheduled"), "id" in which ? eq(trials.id, which.id) : undefined));
  const stopped: Trial[] = [];
  for (const t of queued) {
    const [row] = await tx
      .update(trials)
      .set({
        status: "Stopped",
        statusReason: how.reason,
        stopRequestedBy: how.by,
        completedAt: how.now,
        records: withResult(t.records as TrialRecords, logLine("INFO", how.line, how.now)),
      })
      .where(and(eq(trials.id, t.id), eq(trials.status, "Scheduled")))
      .returning();
    if (row) stopped.push(row);
    if (row) await recordTrialEnd(tx, row);
  }
  return stopped;
}

/** In Progress → Stop Initiated: the runner that owns it aborts its step and rolls back. */
export async function initiateStop(tx: Conn, id: string, by: string): Promise<Trial | null> {
  const [row] = await tx
    .update(trials)
    .set({ status: "Stop Initiated", stopRequestedBy: by })
    .where(and(eq(trials.id, id), eq(trials.status, "In Progress")))
    .returning();
  return row ?? null;
}

/** Claims the oldest due queued trial for the runner, in one statement; null when there is none. */
export async function claimNext(tx: Conn, f: Fence, now: number): Promise<Trial | null> {
  const next = tx
    .select({ id: trials.id })
    .from(trials)
    .where(and(eq(trials.status, "Scheduled"), lte(trials.scheduledFor, now)))
    .orderBy(asc(trials.scheduledFor), asc(trials.createdAt))
    .limit(1);
  const [row] = await tx
    .update(trials)
    .set({ status: "In Progress", executedAt: now, runnerId: f.runnerId, runnerEpoch: f.epoch })
    .where(and(eq(trials.id, sql`(${next})`), eq(trials.status, "Scheduled"), leaseHeld(f)))
    .returning();
  return row ?? null;
}

/** Running trials this runner does not own under its current epoch: left by a runner that is gone. */
export async function orphanIds(tx: Conn, f: Fence): Promise<string[]> {
  const rows = await tx
    .select({ id: trials.id })
    .from(trials)
    .where(
      and(
        inArray(trials.status, [...RUNNING_STATUSES]),
        or(isNull(trials.runnerEpoch), lt(trials.runnerEpoch, f.epoch), not(eq(trials.runnerId, f.runnerId))),
      ),
    )
    .orderBy(asc(trials.executedAt));
  return rows.map((r) => r.id);
}

/**
 * Takes a running trial over for recovery: only from an older epoch, only while we hold the lease.
 * Single-flight: once adopted, no other runner (and no older epoch) can write it.
 */
export async function adopt(tx: Conn, f: Fence, id: string): Promise<Trial | null> {
  const [row] = await tx
    .update(trials)
    .set({ runnerId: f.runnerId, runnerEpoch: f.epoch })
    .where(
      and(
        eq(trials.id, id),
        inArray(trials.status, [...RUNNING_STATUSES]),
        or(isNull(trials.runnerEpoch), lt(trials.runnerEpoch, f.epoch)),
        leaseHeld(f),
      ),
    )
    .returning();
  return row ?? null;
}

/** The records so far (fenced); false when the runner no longer owns the trial. */
export async function saveRecords(tx: Conn, f: Fence, id: string, records: TrialRecords): Promise<boolean> {
  const changed = await tx
    .update(trials)
    .set({ records })
    .where(and(eq(trials.id, id), inArray(trials.status, [...RUNNING_STATUSES]), ownedBy(f)))
    .returning({ id: trials.id });
  return changed.length === 1;
}

/** What the trial's guards saw so far (fenced). */
export async function saveGuardRecord(
  tx: Conn,
  f: Fence,
  id: string,
  guardRecord: Record<string, unknown>,
): Promise<boolean> {
  const changed = await tx
    .update(trials)
    .set({ guardRecord })
    .where(and(eq(trials.id, id), inArray(trials.status, [...RUNNING_STATUSES]), ownedBy(f)))
    .returning({ id: trials.id });
  return changed.length === 1;
}

/** What trial-creation hooks changed, before the trial runs (fenced). */
export async function saveHookChanges(
  tx: Conn,
  f: Fence,
  id: string,
  changes: Pick<Trial, "parameters" | "metadata" | "ticket">,
): Promise<boolean> {
  const changed = await tx
    .update(trials)
    .set(changes)
    .where(and(eq(trials.id, id), eq(trials.status, "In Progress"), ownedBy(f)))
    .returning({ id: trials.id });
  return changed.length === 1;
}

/** The final status, reason and records (fenced; only from a running status). */
export async function finish(
  tx: Conn,
  f: Fence,
  id: string,
  end: {
    status: TerminalStatus;
    reason: string | null;
    records: TrialRecords;
    now: number;
    guardRecord?: Record<string, unknown>;
    checks?: { passed: number; total: number };
  },
): Promise<boolean> {
  const [row] = await tx
    .update(trials)
    .set({
      status: end.status,
      statusReason: end.reason,
      records: end.records,
      completedAt: end.now,
      ...(end.guardRecord ? { guardRecord: end.guardRecord } : {}),
      ...(end.checks ? { checksPassed: end.checks.passed, checksTotal: end.checks.total } : {}),
    })
    .where(and(eq(trials.id, id), inArray(trials.status, [...RUNNING_STATUSES]), ownedBy(f)))
    .returning({ experimentId: trials.experimentId, executedAt: trials.executedAt });
  if (row) await recordTrialEnd(tx, { ...row, ...end, completedAt: end.now });
  return row !== undefined;
}

/**
 * One batch of history pruning: finished trials of the schedule due before `before`, at most
 * `batch` rows, so the write lock is held for milliseconds whatever the size of the history.
 */
export async function pruneBatch(tx: Conn, scheduleId: string, before: number, batch: number): Promise<number> {
  const victims = tx
    .select({ id: trials.id })
    .from(trials)
    .where(
      and(
        eq(trials.scheduleId, scheduleId),
        lt(trials.scheduledFor, before),
        inArray(trials.status, [...TERMINAL_STATUSES]),
      ),
    )
    .limit(batch);
  const deleted = await tx.delete(trials).where(inArray(trials.id, victims)).returning({ id: trials.id });
  return deleted.length;
}
