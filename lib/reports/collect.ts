/**
 * What a report covers: experiments with their trials, chosen by Kallisti's `trial-id` or by
 * experiment, schedule and time range. Each trial comes with the definition it ran (its experiment
 * revision), not the experiment as edited since. Secrets are masked here, once, for every format.
 */
import { and, asc, eq, gte, inArray, isNull, lte, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { type Experiment, type ExperimentRevision, type Trial, experiments, trials } from "@/db/schema";
import { ExperimentRepo } from "@/lib/experiments/repo";
import { notFound } from "@/lib/api/errors";
import { maskSecrets } from "@/lib/credentials/mask";
import { isUuid } from "@/lib/ids";

export type ReportFilter = {
  trialId?: string;
  experimentId?: string;
  scheduleId?: string;
  since?: number;
  until?: number;
};
export type ReportTrial = Trial & { definition: Pick<ExperimentRevision, "preSteps" | "steps" | "postSteps"> };
export type ReportGroup = { experiment: Experiment; trials: ReportTrial[] };

/** Attaches to each trial the masked definition of the revision it ran (one read per revision). */
function withDefinitions(db: DB, rows: Trial[]): ReportTrial[] {
  const repo = new ExperimentRepo(db);
  const cache = new Map<string, ReportTrial["definition"]>();
  return rows.map((t) => {
    const key = `${t.experimentId}:${t.experimentRevision}`;
    let definition = cache.get(key);
    if (!definition) {
      const r = repo.findRevision(t.experimentId, t.experimentRevision);
      definition = maskSecrets({ preSteps: r?.preSteps ?? [], steps: r?.steps ?? [], postSteps: r?.postSteps ?? [] });
      cache.set(key, definition);
    }
    return { ...maskSecrets(t), definition };
  });
}

export function collectReport(db: DB, f: ReportFilter): ReportGroup[] {
  if (f.trialId !== undefined) {
    // Kallisti: trials of deleted experiments are not reported; unknown or malformed ids are 404.
    const row = isUuid(f.trialId)
      ? db
          .select({ t: trials, e: experiments })
          .from(trials)
          .innerJoin(experiments, eq(experiments.id, trials.experimentId))
          .where(and(eq(trials.id, f.trialId), isNull(experiments.deletedAt)))
          .get()
      : undefined;
    if (!row) throw notFound();
    return [{ experiment: maskSecrets(row.e), trials: withDefinitions(db, [row.t]) }];
  }
  const exps = db
    .select()
    .from(experiments)
    .where(and(isNull(experiments.deletedAt), f.experimentId ? eq(experiments.id, f.experimentId) : undefined))
    .orderBy(asc(experiments.createdAt))
    .all();
  if (f.experimentId && !exps.length) throw notFound();
  const conds: SQL[] = [];
  if (f.scheduleId) conds.push(eq(trials.scheduleId, f.scheduleId));
  if (f.since !== undefined) conds.push(gte(trials.createdAt, f.since));
  if (f.until !== undefined) conds.push(lte(trials.createdAt, f.until));
  const ids = exps.map((e) => e.id);
  const found = ids.length
    ? db
        .select()
        .from(trials)
        .where(and(inArray(trials.experimentId, ids), ...conds))
        .orderBy(asc(trials.createdAt))
        .all()
    : [];
  const rows = withDefinitions(db, found);
  const filtering = conds.length > 0;
  return exps
    .map((e) => ({
      experiment: maskSecrets(e),
      trials: rows.filter((t) => t.experimentId === e.id),
    }))
    .filter((g) => !filtering || g.trials.length > 0);
}
