import { type SQL, and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { prepared } from "@/db/prepared";
import {
  dialect,
  type Experiment,
  type ExperimentRevision,
  type NewExperiment,
  experimentRevisions,
  experiments,
  schedules,
} from "@/db/tables";
import { limitOf, type Page } from "@/lib/api/paging";

/** The columns that change whenever anything an answer shows does. */
export type ExperimentVersion = Pick<Experiment, "id" | "updatedAt" | "revision" | "deletedAt">;

/** The columns of an ExperimentVersion, read for a cached answer instead of the definition. */
const VERSION_COLUMNS = {
  id: experiments.id,
  updatedAt: experiments.updatedAt,
  revision: experiments.revision,
  deletedAt: experiments.deletedAt,
};

export type ExperimentFilter = { search?: string; labelKey?: string; labelValue?: string };

/**
 * A label (a top-level metadata key, which may contain dots) present, or equal to a value, in the
 * JSON of either database: SQLite's json_type/json_extract with a quoted path, PostgreSQL's jsonb
 * operators with the key as a bound parameter.
 */
function labelFilter(key: string, value: string | undefined): SQL {
  if (dialect === "postgres") {
    return value === undefined
      ? sql`(${experiments.metadata} -> ${key}::text) IS NOT NULL`
      : sql`(${experiments.metadata} ->> ${key}::text) = ${value}`;
  }
  const path = `$."${key.replace(/"/g, "")}"`;
  return value === undefined
    ? sql`json_type(${experiments.metadata}, ${path}) IS NOT NULL`
    : sql`json_extract(${experiments.metadata}, ${path}) = ${value}`;
}

/** Drizzle only: rows or null, never "not found" errors. */
export class ExperimentRepo {
  constructor(private readonly db: Conn) {}

  /** A new experiment and its revision 1 (call inside a transaction). */
  async insert(row: NewExperiment, actor: string): Promise<Experiment> {
    const [created] = await this.db.insert(experiments).values(row).returning();
    await this.insertRevision(created, actor);
    return created;
  }

  private async insertRevision(e: Experiment, actor: string): Promise<void> {
    await this.db.insert(experimentRevisions).values({
      experimentId: e.id,
      revision: e.revision,
      name: e.name,
      description: e.description,
      metadata: e.metadata,
      parameters: e.parameters,
      preSteps: e.preSteps,
      steps: e.steps,
      postSteps: e.postSteps,
      guards: e.guards,
      createdBy: actor,
      createdAt: e.updatedAt,
    });
  }

  async findRevision(experimentId: string, revision: number): Promise<ExperimentRevision | null> {
    const [row] = await this.db
      .select()
      .from(experimentRevisions)
      .where(and(eq(experimentRevisions.experimentId, experimentId), eq(experimentRevisions.revision, revision)))
      .limit(1);
    return row ?? null;
  }

  /** Newest first. */
  async listRevisions(experimentId: string, page: Page): Promise<{ rows: ExperimentRevision[]; total: number }> {
    const cond = eq(experimentRevisions.experimentId, experimentId);
    const q = this.db
      .select()
      .from(experimentRevisions)
      .where(cond)
      .orderBy(desc(experimentRevisions.revision))
      .offset(page.offset);
    const rows = await q.limit(limitOf(page));
    const [counted] = await this.db.select({ n: count() }).from(experimentRevisions).where(cond);
    return { rows, total: counted?.n ?? 0 };
  }

  /** Soft-deleted rows included: detail by id still answers after a delete. */
  async findById(id: string): Promise<Experiment | null> {
    const byId = prepared(this.db, "experiments.byId", () =>
      this.db
        .select()
        .from(experiments)
        .where(eq(experiments.id, sql.placeholder("id")))
        .prepare(),
    );
    const [row] = await byId.execute({ id });
    return row ?? null;
  }

  /** What identifies the stored version of an experiment (deleted ones too), without its definition. */
  async findVersion(id: string): Promise<ExperimentVersion | null> {
    const byId = prepared(this.db, "experiments.versionById", () =>
      this.db
        .select(VERSION_COLUMNS)
        .from(experiments)
        .where(eq(experiments.id, sql.placeholder("id")))
        .prepare(),
    );
    const [row] = await byId.execute({ id });
    return row ?? null;
  }

  async findLive(id: string): Promise<Experiment | null> {
    const [row] = await this.db
      .select()
      .from(experiments)
      .where(and(eq(experiments.id, id), isNull(experiments.deletedAt)))
      .limit(1);
    return row ?? null;
  }

  /** Live experiments; `search` matches name or description, `label` a metadata key (and value). */
  async listLive(page: Page, filter: ExperimentFilter = {}): Promise<{ rows: Experiment[]; total: number }> {
    const live = this.liveFilter(filter);
    const rows = await this.pageOf(live, page);
    return { rows, total: await this.countLive(live) };
  }

  private async countLive(live: SQL | undefined): Promise<number> {
    const [counted] = await this.db.select({ n: count() }).from(experiments).where(live);
    return counted?.n ?? 0;
  }

  private liveFilter(filter: ExperimentFilter): SQL | undefined {
    const conds: SQL[] = [isNull(experiments.deletedAt)];
    if (filter.search) {
      // Case-insensitive on both databases: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
      const like = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conds.push(
        sql`(lower(${experiments.name}) LIKE ${like} ESCAPE '\\' OR lower(${experiments.description}) LIKE ${like} ESCAPE '\\')`,
      );
    }
    if (filter.labelKey) conds.push(labelFilter(filter.labelKey, filter.labelValue));
    return and(...conds);
  }

  /** The same list as versions only (id and updated_at): what a cached answer is built from. */
  async listLiveVersions(
    page: Page,
    filter: ExperimentFilter = {},
  ): Promise<{ rows: ExperimentVersion[]; total: number }> {
    const live = this.liveFilter(filter);
    const q = this.db
      .select(VERSION_COLUMNS)
      .from(experiments)
      .where(live)
      .orderBy(desc(experiments.createdAt), desc(experiments.id))
      .offset(page.offset);
    const rows = await q.limit(limitOf(page));
    return { rows, total: await this.countLive(live) };
  }

  /** Full rows by id (any order). */
  async findMany(ids: string[]): Promise<Experiment[]> {
    const out: Experiment[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      out.push(
        ...(await this.db
          .select()
          .from(experiments)
          .where(inArray(experiments.id, ids.slice(i, i + 500)))),
      );
    }
    return out;
  }

  private pageOf(live: SQL | undefined, page: Page): Promise<Experiment[]> {
    const q = this.db
      .select()
      .from(experiments)
      .where(live)
      // Newest first; the id (UUIDv7, creation order) breaks ties within a millisecond.
      .orderBy(desc(experiments.createdAt), desc(experiments.id))
      .offset(page.offset);
    return q.limit(limitOf(page));
  }

  /** Applies a change as the next revision (call inside a transaction). */
  async update(id: string, patch: Partial<NewExperiment>, actor: string): Promise<Experiment | null> {
    const [updated] = await this.db
      .update(experiments)
      .set({ ...patch, revision: sql`${experiments.revision} + 1` })
      .where(eq(experiments.id, id))
      .returning();
    if (updated) await this.insertRevision(updated, actor);
    return updated ?? null;
  }

  /** Marks the experiment and all its schedules deleted; the schedules stop firing. */
  async softDeleteWithSchedules(id: string, at: number): Promise<void> {
    await this.db.update(schedules).set({ deletedAt: at, nextRunAt: null }).where(eq(schedules.experimentId, id));
    await this.db.update(experiments).set({ deletedAt: at }).where(eq(experiments.id, id));
  }

  /** Every experiment's name by id, deleted ones included (metrics name the series by it). */
  async namesById(): Promise<Map<string, string>> {
    const rows = await this.db.select({ id: experiments.id, name: experiments.name }).from(experiments);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
