import { type SQL, and, count, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { type ExperimentRevision, type Trial, experimentRevisions, experiments, trials } from "@/db/schema";
import type { Page } from "@/lib/api/paging";
import { ACTIVE_STATUSES, RUNNING_STATUSES } from "./statuses";

export type TrialQuery = {
  experimentId?: string;
  scheduleId?: string;
  status?: Trial["status"];
  since?: number;
  until?: number;
};

/** Reads only: every write to trials goes through the lifecycle (lifecycle.ts, transitions.ts). */
export class TrialRepo {
  constructor(private readonly db: DB | Tx) {}

  findById(id: string): Trial | null {
    return this.db.select().from(trials).where(eq(trials.id, id)).get() ?? null;
  }

  /** Trials whose experiment is not deleted (Kallisti's default manager). */
  findLive(id: string): Trial | null {
    const row = this.db
      .select({ trial: trials })
      .from(trials)
      .innerJoin(experiments, eq(experiments.id, trials.experimentId))
      .where(and(eq(trials.id, id), isNull(experiments.deletedAt)))
      .get();
    return row?.trial ?? null;
  }

  listLive(q: TrialQuery, page: Page): { rows: Trial[]; total: number } {
    const where: SQL[] = [isNull(experiments.deletedAt)];
    if (q.experimentId) where.push(eq(trials.experimentId, q.experimentId));
    if (q.scheduleId) where.push(eq(trials.scheduleId, q.scheduleId));
    if (q.status) where.push(eq(trials.status, q.status));
    if (q.since !== undefined) where.push(gte(trials.createdAt, q.since));
    if (q.until !== undefined) where.push(lte(trials.createdAt, q.until));
    const cond = and(...where);
    const base = this.db
      .select({ trial: trials })
      .from(trials)
      .innerJoin(experiments, eq(experiments.id, trials.experimentId))
      .where(cond)
      // Newest first; rowid (insertion order) breaks ties within a millisecond.
      .orderBy(desc(trials.createdAt), desc(sql`${trials}.rowid`))
      .offset(page.offset);
    const rows = (page.limit === null ? base.limit(-1).all() : base.limit(page.limit).all()).map((r) => r.trial);
    const total =
      this.db
        .select({ n: count() })
        .from(trials)
        .innerJoin(experiments, eq(experiments.id, trials.experimentId))
        .where(cond)
        .get()?.n ?? 0;
    return { rows, total };
  }

  /**
   * A cheap mark that changes whenever the trial does (a live page compares it before reading
   * the whole row): when it was last written, its status and the size of its records.
   */
  changeMark(id: string): string | null {
    const row = this.db
      .select({ at: trials.updatedAt, status: trials.status, size: sql<number>`length(${trials.records})` })
      .from(trials)
      .where(eq(trials.id, id))
      .get();
    return row ? `${row.at}:${row.status}:${row.size}` : null;
  }

  /** The brief trial list a schedule shows (Kallisti: by executed_at, never-run first). */
  listForSchedule(scheduleIds: string[]): Trial[] {
    if (!scheduleIds.length) return [];
    return this.db
      .select()
      .from(trials)
      .where(inArray(trials.scheduleId, scheduleIds))
      .orderBy(trials.executedAt, trials.scheduledFor)
      .all();
  }

  /** A trial with the experiment revision it was launched with (what it runs and recovers). */
  findWithDefinition(id: string): { trial: Trial; definition: ExperimentRevision; experimentName: string } | null {
    const row = this.db
      .select({ trial: trials, definition: experimentRevisions, name: experiments.name })
      .from(trials)
      .innerJoin(
        experimentRevisions,
        and(
          eq(experimentRevisions.experimentId, trials.experimentId),
          eq(experimentRevisions.revision, trials.experimentRevision),
        ),
      )
      .innerJoin(experiments, eq(experiments.id, trials.experimentId))
      .where(eq(trials.id, id))
      .get();
    return row ? { trial: row.trial, definition: row.definition, experimentName: row.name } : null;
  }

  /**
   * The schedule's queued and running trials, oldest first: an index lookup on (schedule, status)
   * whatever the size of the history. Sorted here: an ORDER BY would make SQLite walk the slot index,
   * that is the schedule's whole history.
   */
  activeOfSchedule(scheduleId: string): Pick<Trial, "id" | "status">[] {
    return this.db
      .select({ id: trials.id, status: trials.status, slot: trials.scheduledFor })
      .from(trials)
      .where(and(eq(trials.scheduleId, scheduleId), inArray(trials.status, [...ACTIVE_STATUSES])))
      .all()
      .sort((a, b) => a.slot - b.slot)
      .map(({ id, status }) => ({ id, status }));
  }

  /** The trial a runner (by id and lease epoch) is executing or rolling back, if any. */
  runningUnder(runnerId: string, epoch: number): string | null {
    return (
      this.db
        .select({ id: trials.id })
        .from(trials)
        .where(
          and(
            inArray(trials.status, [...RUNNING_STATUSES]),
            eq(trials.runnerId, runnerId),
            eq(trials.runnerEpoch, epoch),
          ),
        )
        .get()?.id ?? null
    );
  }

  /** The due slot of the schedule's `n`-th newest trial; older ones are beyond a history limit of n. */
  nthNewestSlot(scheduleId: string, n: number): number | null {
    return (
      this.db
        .select({ slot: trials.scheduledFor })
        .from(trials)
        .where(eq(trials.scheduleId, scheduleId))
        .orderBy(desc(trials.scheduledFor))
        .limit(1)
        .offset(Math.max(0, n - 1))
        .get()?.slot ?? null
    );
  }
}
