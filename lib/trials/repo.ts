import {
  type SQL,
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  sql,
} from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import {
  type ExperimentRevision,
  type Trial,
  experimentRevisions,
  experiments,
  trialCounts,
  trials,
} from "@/db/schema";
import type { Cursor, Page } from "@/lib/api/paging";
import { ACTIVE_STATUSES, RUNNING_STATUSES } from "./statuses";

export type TrialQuery = {
  experimentId?: string;
  scheduleId?: string;
  status?: Trial["status"];
  since?: number;
  until?: number;
};

export type TrialVersion = Pick<Trial, "id" | "updatedAt">;

/** What a schedule shows of each of its trials. */
export type ScheduleTrial = Pick<Trial, "id" | "scheduleId" | "status" | "executedAt" | "scheduledFor">;

/** SQLite's row number: insertion order, the tie-breaker of the newest-first lists. */
const rowid = sql<number>`${trials}.rowid`;

/** Reads only: every write to trials goes through the lifecycle (lifecycle.ts, transitions.ts). */
export class TrialRepo {
  constructor(private readonly db: DB | Tx) {}

  findById(id: string): Trial | null {
    return this.db.select().from(trials).where(eq(trials.id, id)).get() ?? null;
  }

  /** What a cached answer is keyed by, without reading the records: id, status, last write. */
  findVersion(id: string): (TrialVersion & Pick<Trial, "status">) | null {
    return (
      this.db
        .select({ id: trials.id, status: trials.status, updatedAt: trials.updatedAt })
        .from(trials)
        .where(eq(trials.id, id))
        .get() ?? null
    );
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

  /**
   * Live trials (of experiments not deleted), newest first. The page's row numbers are found first,
   * from the indexes alone (a deferred join), then only those rows are read; a cursor (the last
   * row's creation time and row number) makes any page cost the same. `next` is the cursor after
   * this page, null on the last page.
   */
  listLive(q: TrialQuery, page: Page): { rows: Trial[]; total: number; next: Cursor | null } {
    const { keys, total, next } = this.pageKeys(q, page);
    const byRow = new Map(this.rowsOf(keys.map((k) => k.row)).map((r) => [r.row, r.trial] as const));
    return { rows: keys.map((k) => byRow.get(k.row)).filter((t): t is Trial => t !== undefined), total, next };
  }

  /** The same page as versions only (id, updated_at): what a cached answer is built from. */
  listLiveVersions(q: TrialQuery, page: Page): { rows: TrialVersion[]; total: number; next: Cursor | null } {
    const { keys, total, next } = this.pageKeys(q, page);
    const byRow = new Map<number, TrialVersion>();
    for (let i = 0; i < keys.length; i += 500) {
      const slice = keys.slice(i, i + 500).map((k) => k.row);
      for (const v of this.db
        .select({ row: rowid, id: trials.id, updatedAt: trials.updatedAt })
        .from(trials)
        .where(inArray(rowid, slice))
        .all())
        byRow.set(v.row, { id: v.id, updatedAt: v.updatedAt });
    }
    return { rows: keys.map((k) => byRow.get(k.row)).filter((v): v is TrialVersion => v !== undefined), total, next };
  }

  /** Full rows by id (any order). */
  findMany(ids: string[]): Trial[] {
    const out: Trial[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      out.push(
        ...this.db
          .select()
          .from(trials)
          .where(inArray(trials.id, ids.slice(i, i + 500)))
          .all(),
      );
    }
    return out;
  }

  /** The page's row numbers and sort keys, from the indexes alone; its total and the next cursor. */
  private pageKeys(q: TrialQuery, page: Page) {
    // Trials of deleted experiments are hidden: a NOT IN over the (few) deleted ones lets the scan
    // stay on the trials index alone, where a join would look every trial's experiment up. When no
    // trial is hidden (the trial_counts summary says so), there is nothing to filter, and the whole
    // list is read from trials_created_at_idx in its order.
    const where: SQL[] = this.anyHidden() ? [notInArray(trials.experimentId, this.deletedExperiments())] : [];
    if (q.experimentId) where.push(eq(trials.experimentId, q.experimentId));
    if (q.scheduleId) where.push(eq(trials.scheduleId, q.scheduleId));
    if (q.status) where.push(eq(trials.status, q.status));
    if (q.since !== undefined) where.push(gte(trials.createdAt, q.since));
    if (q.until !== undefined) where.push(lte(trials.createdAt, q.until));
    const cond = and(...where);
    const total = this.countLive(q, cond);
    const c = page.cursor;
    const after = c
      ? // The bare `<=` bounds the index range (an OR alone would make SQLite walk the index from its top).
        sql`${trials.createdAt} <= ${c.at} and (${trials.createdAt} < ${c.at} or ${rowid} < ${c.row})`
      : undefined;
    const keysQuery = (newestFirst: boolean) =>
      this.db
        .select({ row: rowid, at: trials.createdAt })
        .from(trials)
        .where(and(cond, after))
        // Newest first; the row number (insertion order) breaks ties within a millisecond.
        .orderBy(...(newestFirst ? [desc(trials.createdAt), desc(rowid)] : [asc(trials.createdAt), asc(rowid)]));
    let keys: { row: number; at: number }[];
    if (!c && page.limit !== null && page.offset > total / 2) {
      // A deep offset is read from the oldest end, so the last pages cost what the first ones do.
      const size = Math.max(0, Math.min(page.limit, total - page.offset));
      keys = size
        ? keysQuery(false)
            .limit(size)
            .offset(total - page.offset - size)
            .all()
            .reverse()
        : [];
    } else {
      const query = keysQuery(true).offset(c ? 0 : page.offset);
      keys = page.limit === null ? query.limit(-1).all() : query.limit(page.limit).all();
    }
    const last = keys.at(-1);
    const next = page.limit !== null && keys.length === page.limit && last ? { at: last.at, row: last.row } : null;
    return { keys, total, next };
  }

  /** Whether any trial belongs to a deleted experiment, from the trial_counts summary. */
  private anyHidden(): boolean {
    const row = this.db
      .select({ n: sql<number>`coalesce(sum(${trialCounts.n}), 0)` })
      .from(trialCounts)
      .innerJoin(experiments, eq(experiments.id, trialCounts.experimentId))
      .where(isNotNull(experiments.deletedAt))
      .get();
    return Number(row?.n ?? 0) > 0;
  }

  /** The ids of deleted experiments, as a subquery. */
  private deletedExperiments() {
    return this.db.select({ id: experiments.id }).from(experiments).where(isNotNull(experiments.deletedAt));
  }

  private rowsOf(rows: number[]): { row: number; trial: Trial }[] {
    const out: { row: number; trial: Trial }[] = [];
    // In slices, to stay under SQLite's bound-variable limit whatever the page size.
    for (let i = 0; i < rows.length; i += 500) {
      out.push(
        ...this.db
          .select({ row: rowid, trial: trials })
          .from(trials)
          .where(inArray(rowid, rows.slice(i, i + 500)))
          .all(),
      );
    }
    return out;
  }

  /**
   * The total behind a list. Filtered only by experiment and status, it is a sum over the
   * trial_counts summary (a few rows whatever the history); other filters count through an index.
   */
  private countLive(q: TrialQuery, cond: SQL | undefined): number {
    if (q.scheduleId === undefined && q.since === undefined && q.until === undefined) {
      const summary = [isNull(experiments.deletedAt)];
      if (q.experimentId) summary.push(eq(trialCounts.experimentId, q.experimentId));
      if (q.status) summary.push(eq(trialCounts.status, q.status));
      return Number(
        this.db
          .select({ n: sql<number>`coalesce(sum(${trialCounts.n}), 0)` })
          .from(trialCounts)
          .innerJoin(experiments, eq(experiments.id, trialCounts.experimentId))
          .where(and(...summary))
          .get()?.n ?? 0,
      );
    }
    return this.db.select({ n: count() }).from(trials).where(cond).get()?.n ?? 0;
  }

  /**
   * A cheap mark that changes whenever the trial does (a live page compares it before reading
   * the whole row): when it was last written, its status and the size of its records.
   */
  changeMark(id: string): string | null {
    const row = this.db
      // octet_length of the text: the same SQL on SQLite and on PostgreSQL (whose jsonb has no length()).
      .select({
        at: trials.updatedAt,
        status: trials.status,
        size: sql<number>`octet_length(cast(${trials.records} as text))`,
      })
      .from(trials)
      .where(eq(trials.id, id))
      .get();
    return row ? `${row.at}:${row.status}:${row.size}` : null;
  }

  /** The brief trial list a schedule shows (Kallisti: by executed_at, never-run first). */
  listForSchedule(scheduleIds: string[]): ScheduleTrial[] {
    if (!scheduleIds.length) return [];
    // Only the columns of trials_schedule_brief_idx: read from the index, not the rows.
    return this.db
      .select({
        id: trials.id,
        scheduleId: trials.scheduleId,
        status: trials.status,
        executedAt: trials.executedAt,
        scheduledFor: trials.scheduledFor,
      })
      .from(trials)
      .where(inArray(trials.scheduleId, scheduleIds))
      .orderBy(trials.scheduleId, trials.executedAt, trials.scheduledFor)
      .all();
  }

  /**
   * A mark per schedule that changes whenever its embedded `trials` would: how many trials it has
   * in each status and the sum of their last writes, from trials_schedule_active_idx alone. (A
   * status change within the millisecond of the trial's previous write still moves a count.)
   */
  scheduleHistoryVersions(scheduleIds: string[]): Map<string, string> {
    const out = new Map<string, string>(scheduleIds.map((id) => [id, ""]));
    if (!scheduleIds.length) return out;
    const rows = this.db
      .select({
        scheduleId: trials.scheduleId,
        status: trials.status,
        n: count(),
        // As text: a sum of millisecond times passes 2^53, where a JavaScript number loses the last digits.
        written: sql<string>`cast(sum(${trials.updatedAt}) as text)`,
      })
      .from(trials)
      .where(inArray(trials.scheduleId, scheduleIds))
      .groupBy(trials.scheduleId, trials.status)
      .orderBy(trials.scheduleId, trials.status)
      .all();
    for (const r of rows) {
      const id = r.scheduleId as string;
      out.set(id, `${out.get(id)}${r.status}:${r.n}:${r.written};`);
    }
    return out;
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

  /** Queued trials already due (waiting for the runner), those due later, and those running, for /metrics. */
  activeCounts(now: number): { due: number; later: number; running: number } {
    const rows = this.db
      .select({ status: trials.status, due: sql<number>`${trials.scheduledFor} <= ${now}`, n: count() })
      .from(trials)
      .where(inArray(trials.status, [...ACTIVE_STATUSES]))
      .groupBy(trials.status, sql`2`)
      .all();
    const out = { due: 0, later: 0, running: 0 };
    for (const r of rows) {
      if (r.status !== "Scheduled") out.running += r.n;
      else if (r.due) out.due += r.n;
      else out.later += r.n;
    }
    return out;
  }
}
