import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { type NewSchedule, type Schedule, experiments, schedules } from "@/db/schema";
import type { Page } from "@/lib/api/paging";

export class ScheduleRepo {
  constructor(private readonly db: DB | Tx) {}

  insert(row: NewSchedule): Schedule {
    return this.db.insert(schedules).values(row).returning().get();
  }

  findById(id: string): Schedule | null {
    return this.db.select().from(schedules).where(eq(schedules.id, id)).get() ?? null;
  }

  /** By experiment and id together; soft-deleted rows included (Kallisti's detail view). */
  find(experimentId: string, id: string): Schedule | null {
    return (
      this.db
        .select()
        .from(schedules)
        .where(and(eq(schedules.id, id), eq(schedules.experimentId, experimentId)))
        .get() ?? null
    );
  }

  listLive(experimentId: string, page: Page): { rows: Schedule[]; total: number } {
    const cond = and(eq(schedules.experimentId, experimentId), isNull(schedules.deletedAt));
    const q = this.db
      .select()
      .from(schedules)
      .where(cond)
      // Newest first; rowid (insertion order) breaks ties within a millisecond.
      .orderBy(desc(schedules.createdAt), desc(sql`${schedules}.rowid`))
      .offset(page.offset);
    const rows = page.limit === null ? q.limit(-1).all() : q.limit(page.limit).all();
    const total = this.db.select({ n: count() }).from(schedules).where(cond).get()?.n ?? 0;
    return { rows, total };
  }

  /** Every live schedule of a live experiment, newest first, with the experiment's name. */
  listAllLive(page: Page): { rows: (Schedule & { experimentName: string })[]; total: number } {
    const cond = and(isNull(schedules.deletedAt), isNull(experiments.deletedAt));
    const q = this.db
      .select({ s: schedules, name: experiments.name })
      .from(schedules)
      .innerJoin(experiments, eq(experiments.id, schedules.experimentId))
      .where(cond)
      .orderBy(desc(schedules.createdAt))
      .offset(page.offset);
    const rows = (page.limit === null ? q.limit(-1).all() : q.limit(page.limit).all()).map((r) => ({
      ...r.s,
      experimentName: r.name,
    }));
    const total =
      this.db
        .select({ n: count() })
        .from(schedules)
        .innerJoin(experiments, eq(experiments.id, schedules.experimentId))
        .where(cond)
        .get()?.n ?? 0;
    return { rows, total };
  }

  update(id: string, patch: Partial<NewSchedule>): Schedule {
    return this.db.update(schedules).set(patch).where(eq(schedules.id, id)).returning().get() as Schedule;
  }
}
