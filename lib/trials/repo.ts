import { type SQL, and, count, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { type NewTrial, type Trial, experiments, trials } from "@/db/schema";
import type { Page } from "@/lib/api/paging";

export type TrialQuery = {
  experimentId?: string;
  scheduleId?: string;
  status?: Trial["status"];
  since?: number;
  until?: number;
};

export class TrialRepo {
  constructor(private readonly db: DB | Tx) {}

  insert(row: NewTrial): Trial {
    return this.db.insert(trials).values(row).returning().get();
  }

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

  /** Conditional update: only applies while the trial is still in `from` (guards races with the runner). */
  transition(id: string, from: Trial["status"][], patch: Partial<NewTrial>): Trial | null {
    return (
      this.db
        .update(trials)
        .set(patch)
        .where(and(eq(trials.id, id), inArray(trials.status, from)))
        .returning()
        .get() ?? null
    );
  }
}
