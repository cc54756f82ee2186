import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { type NewSchedule, type Schedule, experiments, schedules } from "@/db/tables";
import { limitOf, type Page } from "@/lib/api/paging";

export class ScheduleRepo {
  constructor(private readonly db: Conn) {}

  async insert(row: NewSchedule): Promise<Schedule> {
    const [created] = await this.db.insert(schedules).values(row).returning();
    return created;
  }

  async findById(id: string): Promise<Schedule | null> {
    const [row] = await this.db.select().from(schedules).where(eq(schedules.id, id)).limit(1);
    return row ?? null;
  }

  /** By experiment and id together; soft-deleted rows included (Kallisti's detail view). */
  async find(experimentId: string, id: string): Promise<Schedule | null> {
    const [row] = await this.db
      .select()
      .from(schedules)
      .where(and(eq(schedules.id, id), eq(schedules.experimentId, experimentId)))
      .limit(1);
    return row ?? null;
  }

  async listLive(experimentId: string, page: Page): Promise<{ rows: Schedule[]; total: number }> {
    const cond = and(eq(schedules.experimentId, experimentId), isNull(schedules.deletedAt));
    const q = this.db
      .select()
      .from(schedules)
      .where(cond)
      // Newest first; the id (UUIDv7, creation order) breaks ties within a millisecond.
      .orderBy(desc(schedules.createdAt), desc(schedules.id))
      .offset(page.offset);
    const rows = await q.limit(limitOf(page));
    const [counted] = await this.db.select({ n: count() }).from(schedules).where(cond);
    return { rows, total: counted?.n ?? 0 };
  }

  /** Every live schedule of a live experiment, newest first, with the experiment's name. */
  async listAllLive(page: Page): Promise<{ rows: (Schedule & { experimentName: string })[]; total: number }> {
    const cond = and(isNull(schedules.deletedAt), isNull(experiments.deletedAt));
    const q = this.db
      .select({ s: schedules, name: experiments.name })
      .from(schedules)
      .innerJoin(experiments, eq(experiments.id, schedules.experimentId))
      .where(cond)
      .orderBy(desc(schedules.createdAt), desc(schedules.id))
      .offset(page.offset);
    const rows = (await q.limit(limitOf(page))).map((r) => ({
      ...r.s,
      experimentName: r.name,
    }));
    const [counted] = await this.db
      .select({ n: count() })
      .from(schedules)
      .innerJoin(experiments, eq(experiments.id, schedules.experimentId))
      .where(cond);
    return { rows, total: counted?.n ?? 0 };
  }

  async update(id: string, patch: Partial<NewSchedule>): Promise<Schedule> {
    const [updated] = await this.db.update(schedules).set(patch).where(eq(schedules.id, id)).returning();
    return updated;
  }
}
