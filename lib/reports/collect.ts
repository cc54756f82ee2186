/**
 * What a report covers: experiments with their trials, chosen by Kallisti's `trial-id` or by
 * experiment, schedule and time range. Each trial comes with the definition it ran (its experiment
 * revision), not the experiment as edited since. Secrets are masked here, once, for every format.
 *
 * A report is read in two passes so that it can be written as a stream: first the experiments and
 * their counts (from the indexes, no trial record is read), then each experiment's trials, a page
 * at a time, in the order they were created. Memory stays flat however many trials are selected.
 */
import { and, asc, count, eq, gt, gte, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { type Experiment, type ExperimentRevision, type Trial, experiments, trials } from "@/db/tables";
import { notFound } from "@/lib/api/errors";
import { maskSecrets } from "@/lib/credentials/mask";
import { ExperimentRepo } from "@/lib/experiments/repo";
import { isUuid } from "@/lib/ids";
import { type Counts, countTally } from "./summary";

export type ReportFilter = {
  trialId?: string;
  experimentId?: string;
  scheduleId?: string;
  since?: number;
  until?: number;
};
export type ReportTrial = Trial & { definition: Pick<ExperimentRevision, "preSteps" | "steps" | "postSteps"> };
export type ReportGroup = { experiment: Experiment; trials: ReportTrial[] };
export type ReportExperiment = { experiment: Experiment; counts: Counts };

/** What a report holds, ready to be read: the experiments and their counts, and their trials on demand. */
export type ReportSource = {
  experiments: ReportExperiment[];
  /** The experiment's selected trials, oldest first, `pageSize` at a time. */
  trialPages(experimentId: string, pageSize?: number): AsyncGenerator<ReportTrial[]>;
};

const PAGE = 100;

/** Attaches to each trial the masked definition of the revision it ran (one read per revision). */
function definitions(db: Conn) {
  const repo = new ExperimentRepo(db);
  const cache = new Map<string, ReportTrial["definition"]>();
  return async (t: Trial): Promise<ReportTrial> => {
    const key = `${t.experimentId}:${t.experimentRevision}`;
    let definition = cache.get(key);
    if (!definition) {
      const r = await repo.findRevision(t.experimentId, t.experimentRevision);
      definition = maskSecrets({ preSteps: r?.preSteps ?? [], steps: r?.steps ?? [], postSteps: r?.postSteps ?? [] });
      cache.set(key, definition);
    }
    return { ...maskSecrets(t), definition };
  };
}

async function singleTrial(db: Conn, trialId: string): Promise<ReportSource> {
  // Kallisti: trials of deleted experiments are not reported; unknown or malformed ids are 404.
  const [row] = isUuid(trialId)
    ? await db
        .select({ t: trials, e: experiments })
        .from(trials)
        .innerJoin(experiments, eq(experiments.id, trials.experimentId))
        .where(and(eq(trials.id, trialId), isNull(experiments.deletedAt)))
        .limit(1)
    : [];
  if (!row) throw notFound();
  const trial = await definitions(db)(row.t);
  return {
    experiments: [{ experiment: maskSecrets(row.e), counts: countTally({ [row.t.status]: 1 }) }],
    async *trialPages() {
      yield [trial];
    },
  };
}

/** Opens a report: reads the experiments and counts now, the trials as they are written. */
export async function openReport(db: Conn, f: ReportFilter, now = Date.now()): Promise<ReportSource> {
  if (f.trialId !== undefined) return singleTrial(db, f.trialId);
  const exps = await db
    .select()
    .from(experiments)
    .where(and(isNull(experiments.deletedAt), f.experimentId ? eq(experiments.id, f.experimentId) : undefined))
    .orderBy(asc(experiments.createdAt));
  if (f.experimentId && !exps.length) throw notFound();
  // Trials created while the report is written are not part of it, so its counts and trials agree.
  const conds: SQL[] = [lte(trials.createdAt, Math.min(f.until ?? now, now))];
  if (f.scheduleId) conds.push(eq(trials.scheduleId, f.scheduleId));
  if (f.since !== undefined) conds.push(gte(trials.createdAt, f.since));
  const ids = exps.map((e) => e.id);
  const tallies = new Map<string, Record<string, number>>();
  if (ids.length) {
    const rows = await db
      .select({ experimentId: trials.experimentId, status: trials.status, n: count() })
      .from(trials)
      .where(and(inArray(trials.experimentId, ids), ...conds))
      .groupBy(trials.experimentId, trials.status);
    for (const r of rows) {
      const tally = tallies.get(r.experimentId) ?? {};
      tally[r.status] = r.n;
      tallies.set(r.experimentId, tally);
    }
  }
  const filtering = f.scheduleId !== undefined || f.since !== undefined || f.until !== undefined;
  const withDefinition = definitions(db);
  return {
    experiments: exps
      .filter((e) => !filtering || tallies.has(e.id))
      .map((e) => ({ experiment: maskSecrets(e), counts: countTally(tallies.get(e.id) ?? {}) })),
    async *trialPages(experimentId, pageSize = PAGE) {
      let after: { createdAt: number; id: string } | undefined;
      for (;;) {
        const page = await db
          .select()
          .from(trials)
          .where(
            and(
              eq(trials.experimentId, experimentId),
              ...conds,
              // `>=` bounds the index range; the OR only orders ties within a millisecond.
              after ? gte(trials.createdAt, after.createdAt) : undefined,
              after ? or(gt(trials.createdAt, after.createdAt), gt(trials.id, after.id)) : undefined,
            ),
          )
          .orderBy(asc(trials.createdAt), asc(trials.id))
          .limit(pageSize);
        if (!page.length) return;
        const last = page[page.length - 1];
        after = { createdAt: last.createdAt, id: last.id };
        const out: ReportTrial[] = [];
        for (const t of page) out.push(await withDefinition(t));
        yield out;
        if (page.length < pageSize) return;
      }
    },
  };
}

/** The whole report in memory: for the PDF, laid out as one document, and for tests. */
export async function collectReport(db: Conn, f: ReportFilter): Promise<ReportGroup[]> {
  const source = await openReport(db, f);
  const groups: ReportGroup[] = [];
  for (const { experiment } of source.experiments) {
    const selected: ReportTrial[] = [];
    for await (const page of source.trialPages(experiment.id)) selected.push(...page);
    groups.push({ experiment, trials: selected });
  }
  return groups;
}
