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
import type { Conn } from "@/db/client";
import {
  type ExperimentRevision,
  type Trial,
  experimentRevisions,
  experiments,
  trialCounts,
  trials,
} from "@/db/tables";
import { type Cursor, limitOf, type Page } from "@/lib/api/paging";
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

/** Reads only: every write to trials goes through the lifecycle (lifecycle.ts, transitions.ts). */
export class TrialRepo {
  constructor(private readonly db: Conn) {}

  async findById(id: string): Promise<Trial | null> {
    const [row] = await this.db.select().from(trials).where(eq(trials.id, id)).limit(1);
    return row ?? null;
  }

  /** What a cached answer is keyed by, without reading the records: id, status, last write. */
  async findVersion(id: string): Promise<(TrialVersion & Pick<Trial, "status">) | null> {
    const [row] = await this.db
      .select({ id: trials.id, status: trials.status, updatedAt: trials.updatedAt })
      .from(trials)
      .where(eq(trials.id, id))
      .limit(1);
    return row ?? null;
  }

  /** Trials whose experiment is not deleted (Kallisti's default manager). */
  async findLive(id: string): Promise<Trial | null> {
    const [row] = await this.db
      .select({ trial: trials })
      .from(trials)
      .innerJoin(experiments, eq(experiments.id, trials.experimentId))
      .where(and(eq(trials.id, id), isNull(experiments.deletedAt)))
      .limit(1);
    return row?.trial ?? null;
  }

  /**
   * Live trials (of experiments not deleted), newest first. The page's ids are found first, from
   * the indexes alone (a deferred join), then only those rows are read; a cursor (the last row's
   * creation time and id) makes any page cost the same. `next` is the cursor after this page, null
   * on the last page.
   */
  async listLive(q: TrialQuery, page: Page): Promise<{ rows: Trial[]; total: number; next: Cursor | null }> {
    const { keys, total, next } = await this.pageKeys(q, page);
    const byId = new Map((await this.findMany(keys.map((k) => k.id))).map((t) => [t.id, t] as const));
    return { rows: keys.map((k) => byId.get(k.id)).filter((t): t is Trial => t !== undefined), total, next };
  }

  /** The same page as versions only (id, updated_at): what a cached answer is built from. */
  async listLiveVersions(
    q: TrialQuery,
    page: Page,
  ): Promise<{ rows: TrialVersion[]; total: number; next: Cursor | null }> {
    const { keys, total, next } = await this.pageKeys(q, page);
    const byId = new Map<string, TrialVersion>();
    for (let i = 0; i < keys.length; i += 500) {
      const slice = keys.slice(i, i + 500).map((k) => k.id);
      for (const v of await this.db
        .select({ id: trials.id, updatedAt: trials.updatedAt })
        .from(trials)
        .where(inArray(trials.id, slice)))
        byId.set(v.id, v);
    }
    return { rows: keys.map((k) => byId.get(k.id)).filter((v): v is TrialVersion => v !== undefined), total, next };
  }

  /** Full rows by id (any order). */
  async findMany(ids: string[]): Promise<Trial[]> {
    const out: Trial[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      out.push(
        ...(await this.db
          .select()
          .from(trials)
          .where(inArray(trials.id, ids.slice(i, i + 500)))),
      );
    }
    return out;
  }

  /** The page's ids and sort keys, from the indexes alone; its total and the next cursor. */
  private async pageKeys(q: TrialQuery, page: Page) {
    // Trials of deleted experiments are hidden: a NOT IN over the (few) deleted ones lets the scan
    // stay on the trials index alone, where a join would look every trial's experiment up. When no
    // trial is hidden (the trial_counts summary says so), there is nothing to filter, and the whole
    // list is read from trials_created_idx in its order.
    const where: SQL[] = (await this.anyHidden()) ? [notInArray(trials.experimentId, this.deletedExperiments())] : [];
    if (q.experimentId) where.push(eq(trials.experimentId, q.experimentId));
    if (q.scheduleId) where.push(eq(trials.scheduleId, q.scheduleId));
    if (q.status) where.push(eq(trials.status, q.status));
    if (q.since !== undefined) where.push(gte(trials.createdAt, q.since));
    if (q.until !== undefined) where.push(lte(trials.createdAt, q.until));
    const cond = and(...where);
    const total = await this.countLive(q, cond);
    const c = page.cursor;
    const after = c
      ? // The bare `<=` bounds the index range (an OR alone would make SQLite walk the index from its top).
        sql`${trials.createdAt} <= ${c.at} and (${trials.createdAt} < ${c.at} or ${trials.id} < ${c.id})`
      : undefined;
    const keysQuery = (newestFirst: boolean) =>
      this.db
        .select({ id: trials.id, at: trials.createdAt })
        .from(trials)
        .where(and(cond, after))
        // Newest first; the id (UUIDv7, creation order) breaks ties within a millisecond.
        .orderBy(
          ...(newestFirst ? [desc(trials.createdAt), desc(trials.id)] : [asc(trials.createdAt), asc(trials.id)]),
        );
    let keys: { id: string; at: number }[];
    if (!c && page.limit !== null && page.offset > total / 2) {
      // A deep offset is read from the oldest end, so the last pages cost what the first ones do.
      const size = Math.max(0, Math.min(page.limit, total - page.offset));
      keys = size
        ? (
            await keysQuery(false)
              .limit(size)
              .offset(total - page.offset - size)
          ).reverse()
        : [];
    } else {
      const query = keysQuery(true).offset(c ? 0 : page.offset);
      keys = await query.limit(limitOf(page));
    }
    const last = keys.at(-1);
    const next = page.limit !== null && keys.length === page.limit && last ? { at: last.at, id: last.id } : null;
    return { keys, total, next };
  }

  /** Whether any trial belongs to a deleted experiment, from the trial_counts summary. */
  private async anyHidden(): Promise<boolean> {
    const [row] = await this.db
      .select({ n: sql<number>`coalesce(sum(${trialCounts.n}), 0)`.mapWith(Number) })
      .from(trialCounts)
      .innerJoin(experiments, eq(experiments.id, trialCounts.experimentId))
      .where(isNotNull(experiments.deletedAt));
    return Number(row?.n ?? 0) > 0;
  }

  /** The ids of deleted experiments, as a subquery. */
  private deletedExperiments() {
    return this.db.select({ id: experiments.id }).from(experiments).where(isNotNull(experiments.deletedAt));
  }

  /**
   * The total behind a list. Filtered only by experiment and status, it is a sum over the
   * trial_counts summary (a few rows whatever the history); other filters count through an index.
   */
  private async countLive(q: TrialQuery, cond: SQL | undefined): Promise<number> {
    if (q.scheduleId === undefined && q.since === undefined && q.until === undefined) {
      const summary = [isNull(experiments.deletedAt)];
      if (q.experimentId) summary.push(eq(trialCounts.experimentId, q.experimentId));
      if (q.status) summary.push(eq(trialCounts.status, q.status));
      const [row] = await this.db
        .select({ n: sql<number>`coalesce(sum(${trialCounts.n}), 0)`.mapWith(Number) })
        .from(trialCounts)
        .innerJoin(experiments, eq(experiments.id, trialCounts.experimentId))
        .where(and(...summary));
      return Number(row?.n ?? 0);
    }
    const [row] = await this.db.select({ n: count() }).from(trials).where(cond);
    return row?.n ?? 0;
  }

  /**
   * A cheap mark that changes whenever the trial does (a live page compares it before reading
   * the whole row): when it was last written, its status and the size of its records.
   */
  async changeMark(id: string): Promise<string | null> {
    const [row] = await this.db
      // octet_length of the text: the same SQL on SQLite and on PostgreSQL (whose jsonb has no length()).
      .select({
        at: trials.updatedAt,
        status: trials.status,
        size: sql<number>`octet_length(cast(${trials.records} as text))`.mapWith(Number),
      })
      .from(trials)
      .where(eq(trials.id, id))
      .limit(1);
    return row ? `${row.at}:${row.status}:${row.size}` : null;
  }

  /** The brief trial list a schedule shows (Kallisti: by executed_at, never-run first). */
  async listForSchedule(scheduleIds: string[]): Promise<ScheduleTrial[]> {
    if (!scheduleIds.length) return [];
    // Only the columns of trials_schedule_brief_idx: read from the index, not the rows.
    return (
      this.db
        .select({
          id: trials.id,
          scheduleId: trials.scheduleId,
          status: trials.status,
          executedAt: trials.executedAt,
          scheduledFor: trials.scheduledFor,
        })
        .from(trials)
        .where(inArray(trials.scheduleId, scheduleIds))
        // NULLS FIRST is SQLite's order for ascending keys and must be said for PostgreSQL's.
        .orderBy(trials.scheduleId, sql`${trials.executedAt} asc nulls first`, trials.scheduledFor)
    );
  }

  /**
   * A mark per schedule that changes whenever its embedded `trials` would: how many trials it has
   * in each status and the sum of their last writes, from trials_schedule_active_idx alone. (A
   * status change within the millisecond of the trial's previous write still moves a count.)
   */
  async scheduleHistoryVersions(scheduleIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>(scheduleIds.map((id) => [id, ""]));
    if (!scheduleIds.length) return out;
    const rows = await this.db
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
      .orderBy(trials.scheduleId, trials.status);
    for (const r of rows) {
      const id = r.scheduleId as string;
      out.set(id, `${out.get(id)}${r.status}:${r.n}:${r.written};`);
    }
    return out;
  }

  /** A trial with the experiment revision it was launched with (what it runs and recovers). */
  async findWithDefinition(
    id: string,
  ): Promise<{ trial: Trial; definition: ExperimentRevision; experimentName: string } | null> {
    const [row] = await this.db
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
      .limit(1);
    return row ? { trial: row.trial, definition: row.definition, experimentName: row.name } : null;
  }

  /**
   * The schedule's queued and running trials, oldest first: an index lookup on (schedule, status)
   * whatever the size of the history. Sorted here: an ORDER BY would make SQLite walk the slot index,
   * that is the schedule's whole history.
   */
  async activeOfSchedule(scheduleId: string): Promise<Pick<Trial, "id" | "status">[]> {
    const rows = await this.db
      .select({ id: trials.id, status: trials.status, slot: trials.scheduledFor })
      .from(trials)
      .where(and(eq(trials.scheduleId, scheduleId), inArray(trials.status, [...ACTIVE_STATUSES])));
    return rows.sort((a, b) => a.slot - b.slot).map(({ id, status }) => ({ id, status }));
  }

  /** The trial a runner (by id and lease epoch) is executing or rolling back, if any. */
  async runningUnder(runnerId: string, epoch: number): Promise<string | null> {
    const [row] = await this.db
      .select({ id: trials.id })
      .from(trials)
      .where(
        and(
          inArray(trials.status, [...RUNNING_STATUSES]),
          eq(trials.runnerId, runnerId),
          eq(trials.runnerEpoch, epoch),
        ),
      )
      .limit(1);
    return row?.id ?? null;
  }

  /** The due slot of the schedule's `n`-th newest trial; older ones are beyond a history limit of n. */
  async nthNewestSlot(scheduleId: string, n: number): Promise<number | null> {
    const [row] = await this.db
      .select({ slot: trials.scheduledFor })
      .from(trials)
      .where(eq(trials.scheduleId, scheduleId))
      .orderBy(desc(trials.scheduledFor))
      .limit(1)
      .offset(Math.max(0, n - 1));
    return row?.slot ?? null;
  }

  /** Queued trials already due (waiting for the runner), those due later, and those running, for /metrics. */
  async activeCounts(now: number): Promise<{ due: number; later: number; running: number }> {
    const rows = await this.db
      .select({ status: trials.status, due: sql<number>`${trials.scheduledFor} <= ${now}`, n: count() })
      .from(trials)
      .where(inArray(trials.status, [...ACTIVE_STATUSES]))
      .groupBy(trials.status, sql`2`);
    const out = { due: 0, later: 0, running: 0 };
    for (const r of rows) {
      if (r.status !== "Scheduled") out.running += r.n;
      else if (r.due) out.due += r.n;
      else out.later += r.n;
    }
    return out;
  }
}
