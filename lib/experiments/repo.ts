import { type SQL, and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { prepared } from "@/db/prepared";
import {
  type Experiment,
  type ExperimentRevision,
  type NewExperiment,
  experimentRevisions,
  experiments,
  schedules,
} from "@/db/schema";
import type { Page } from "@/lib/api/paging";

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

/** Drizzle only: rows or null, never "not found" errors. */
export class ExperimentRepo {
  constructor(private readonly db: DB | Tx) {}

  /** A new experiment and its revision 1 (call inside a transaction). */
  insert(row: NewExperiment, actor: string): Experiment {
    const created = this.db.insert(experiments).values(row).returning().get();
    this.insertRevision(created, actor);
    return created;
  }

  private insertRevision(e: Experiment, actor: string): void {
    this.db
      .insert(experimentRevisions)
      .values({
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
      })
      .run();
  }

  findRevision(experimentId: string, revision: number): ExperimentRevision | null {
    return (
      this.db
        .select()
        .from(experimentRevisions)
        .where(and(eq(experimentRevisions.experimentId, experimentId), eq(experimentRevisions.revision, revision)))
        .get() ?? null
    );
  }

  /** Newest first. */
  listRevisions(experimentId: string, page: Page): { rows: ExperimentRevision[]; total: number } {
    const cond = eq(experimentRevisions.experimentId, experimentId);
    const q = this.db
      .select()
      .from(experimentRevisions)
      .where(cond)
      .orderBy(desc(experimentRevisions.revision))
      .offset(page.offset);
    const rows = page.limit === null ? q.limit(-1).all() : q.limit(page.limit).all();
    const total = this.db.select({ n: count() }).from(experimentRevisions).where(cond).get()?.n ?? 0;
    return { rows, total };
  }

  /** Soft-deleted rows included: detail by id still answers after a delete. */
  findById(id: string): Experiment | null {
    const byId = prepared(this.db, "experiments.byId", () =>
      this.db
        .select()
        .from(experiments)
        .where(eq(experiments.id, sql.placeholder("id")))
        .prepare(),
    );
    return byId.get({ id }) ?? null;
  }

  /** What identifies the stored version of an experiment (deleted ones too), without its definition. */
  findVersion(id: string): ExperimentVersion | null {
    const byId = prepared(this.db, "experiments.versionById", () =>
      this.db
        .select(VERSION_COLUMNS)
        .from(experiments)
        .where(eq(experiments.id, sql.placeholder("id")))
        .prepare(),
    );
    return byId.get({ id }) ?? null;
  }

  findLive(id: string): Experiment | null {
    return (
      this.db
        .select()
        .from(experiments)
        .where(and(eq(experiments.id, id), isNull(experiments.deletedAt)))
        .get() ?? null
    );
  }

  /** Live experiments; `search` matches name or description, `label` a metadata key (and value). */
  listLive(page: Page, filter: ExperimentFilter = {}): { rows: Experiment[]; total: number } {
    const live = this.liveFilter(filter);
    return {
      rows: this.pageOf(live, page),
      total: this.db.select({ n: count() }).from(experiments).where(live).get()?.n ?? 0,
    };
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
    if (filter.labelKey) {
      const path = `$."${filter.labelKey.replace(/"/g, "")}"`;
      conds.push(
        filter.labelValue === undefined
          ? sql`json_type(${experiments.metadata}, ${path}) IS NOT NULL`
          : sql`json_extract(${experiments.metadata}, ${path}) = ${filter.labelValue}`,
      );
    }
    return and(...conds);
  }

  /** The same list as versions only (id and updated_at): what a cached answer is built from. */
  listLiveVersions(page: Page, filter: ExperimentFilter = {}): { rows: ExperimentVersion[]; total: number } {
    const live = this.liveFilter(filter);
    const q = this.db
      .select(VERSION_COLUMNS)
      .from(experiments)
      .where(live)
      .orderBy(desc(experiments.createdAt), desc(sql`${experiments}.rowid`))
      .offset(page.offset);
    const rows = page.limit === null ? q.limit(-1).all() : q.limit(page.limit).all();
    return { rows, total: this.db.select({ n: count() }).from(experiments).where(live).get()?.n ?? 0 };
  }

  /** Full rows by id (any order). */
  findMany(ids: string[]): Experiment[] {
    const out: Experiment[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      out.push(
        ...this.db
          .select()
          .from(experiments)
          .where(inArray(experiments.id, ids.slice(i, i + 500)))
          .all(),
      );
    }
    return out;
  }

  private pageOf(live: SQL | undefined, page: Page): Experiment[] {
    const q = this.db
      .select()
      .from(experiments)
      .where(live)
      // Newest first; rowid (insertion order) breaks ties within a millisecond.
      .orderBy(desc(experiments.createdAt), desc(sql`${experiments}.rowid`))
      .offset(page.offset);
    return page.limit === null ? q.limit(-1).all() : q.limit(page.limit).all();
  }

  /** Applies a change as the next revision (call inside a transaction). */
  update(id: string, patch: Partial<NewExperiment>, actor: string): Experiment | null {
    const updated = this.db
      .update(experiments)
      .set({ ...patch, revision: sql`${experiments.revision} + 1` })
      .where(eq(experiments.id, id))
      .returning()
      .get();
    if (updated) this.insertRevision(updated, actor);
    return updated ?? null;
  }

  /** Marks the experiment and all its schedules deleted; the schedules stop firing. */
  softDeleteWithSchedules(id: string, at: number): void {
    this.db.update(schedules).set({ deletedAt: at, nextRunAt: null }).where(eq(schedules.experimentId, id)).run();
    this.db.update(experiments).set({ deletedAt: at }).where(eq(experiments.id, id)).run();
  }

  /** Every experiment's name by id, deleted ones included (metrics name the series by it). */
  namesById(): Map<string, string> {
    const rows = this.db.select({ id: experiments.id, name: experiments.name }).from(experiments).all();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
