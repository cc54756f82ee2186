/**
 * The resilience score of an experiment, from its recent trials:
 *
 *   score = 100 × (0.7 × outcomes + 0.3 × checks), rounded
 *
 * over its latest SCORE_WINDOW trials that ran to an outcome of their own (Succeeded, Failed,
 * Aborted; a stopped, skipped or invalid trial says nothing about the system), where `outcomes` is
 * the share that Succeeded and `checks` the share of guard checks and expectation steps that passed.
 * Without any check, score = 100 × outcomes. The trend applies the same formula to each day's trials.
 */
import { and, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { experiments, trials } from "@/db/tables";

export const SCORE_WINDOW = 20;
export const SCORED_STATUSES = ["Succeeded", "Failed", "Aborted"] as const;
const DAY_MS = 86_400_000;

type Tally = { trials: number; succeeded: number; checksPassed: number; checksTotal: number };

export function scoreOf(t: Tally): number | null {
  if (!t.trials) return null;
  // Whole-number weights (70 + 30), so that 76.5 rounds to 77 and not, by binary fractions, to 76.
  if (!t.checksTotal) return Math.round((100 * t.succeeded) / t.trials);
  return Math.round((70 * t.succeeded) / t.trials + (30 * t.checksPassed) / t.checksTotal);
}

export type ExperimentStats = {
  score: number | null;
  trials_considered: number;
  succeeded: number;
  failed: number;
  checks_passed: number;
  checks_total: number;
  check_pass_rate: number | null;
  trend: { date: string; score: number | null; trials: number }[];
};

const scoredOf = (experimentId: string) =>
  and(eq(trials.experimentId, experimentId), inArray(trials.status, [...SCORED_STATUSES]));

/** The experiment's latest SCORE_WINDOW scored trials, counted (read through trials_experiment_idx). */
async function latestTally(db: Conn, experimentId: string): Promise<Tally> {
  const recent = await db
    .select({ status: trials.status, passed: trials.checksPassed, total: trials.checksTotal })
    .from(trials)
    .where(scoredOf(experimentId))
    .orderBy(desc(trials.createdAt))
    .limit(SCORE_WINDOW);
  return {
    trials: recent.length,
    succeeded: recent.filter((t) => t.status === "Succeeded").length,
    checksPassed: recent.reduce((n, t) => n + t.passed, 0),
    checksTotal: recent.reduce((n, t) => n + t.total, 0),
  };
}

export async function experimentStats(
  db: Conn,
  experimentId: string,
  days = 30,
  now = Date.now(),
): Promise<ExperimentStats> {
  const scored = scoredOf(experimentId);
  const tally = await latestTally(db, experimentId);
  const start =
    Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) -
    (days - 1) * DAY_MS;
  // Days since 1970 by integer division, and counts by CASE: the same SQL on SQLite and PostgreSQL
  // (whose drivers may return sums as strings, hence Number()).
  const day = sql<number>`${trials.createdAt} / ${sql.raw(String(DAY_MS))}`;
  const byDay = await db
    .select({
      day,
      trials: sql<number>`count(*)`.mapWith(Number),
      succeeded: sql<number>`sum(case when ${trials.status} = 'Succeeded' then 1 else 0 end)`.mapWith(Number),
      passed: sql<number>`sum(${trials.checksPassed})`.mapWith(Number),
      total: sql<number>`sum(${trials.checksTotal})`.mapWith(Number),
    })
    .from(trials)
    .where(and(scored, gte(trials.createdAt, start)))
    .groupBy(day);
  const found = new Map(byDay.map((d) => [Number(d.day), d]));
  const trend = Array.from({ length: days }, (_, i) => {
    const at = start + i * DAY_MS;
    const date = new Date(at).toISOString().slice(0, 10);
    const d = found.get(Math.floor(at / DAY_MS));
    const t: Tally = d
      ? {
          trials: Number(d.trials),
          succeeded: Number(d.succeeded),
          checksPassed: Number(d.passed),
          checksTotal: Number(d.total),
        }
      : { trials: 0, succeeded: 0, checksPassed: 0, checksTotal: 0 };
    return { date, score: scoreOf(t), trials: t.trials };
  });
  return {
    score: scoreOf(tally),
    trials_considered: tally.trials,
    succeeded: tally.succeeded,
    failed: tally.trials - tally.succeeded,
    checks_passed: tally.checksPassed,
    checks_total: tally.checksTotal,
    check_pass_rate: tally.checksTotal ? tally.checksPassed / tally.checksTotal : null,
    trend,
  };
}

/** How many live experiments the home page's summary reads (the newest): one indexed query each. */
export const SCORES_SCANNED = 500;

export type ScoreSummary = {
  /** The lowest scores first (ties: fewer trials first), at most `limit`. */
  lowest: { id: string; name: string; score: number; trials_considered: number }[];
  scored: number;
  unscored: number;
  average: number | null;
};

/**
 * Every live experiment's score at once (the newest SCORES_SCANNED of them), for the home page:
 * the weakest first, and how many have no scored trial yet. Same formula as experimentStats.
 */
export async function scoreSummary(db: Conn, limit: number): Promise<ScoreSummary> {
  const live = await db
    .select({ id: experiments.id, name: experiments.name })
    .from(experiments)
    .where(isNull(experiments.deletedAt))
    .orderBy(desc(experiments.createdAt))
    .limit(SCORES_SCANNED);
  const all: { id: string; name: string; score: number | null; trials_considered: number }[] = [];
  for (const e of live) {
    const tally = await latestTally(db, e.id);
    all.push({ id: e.id, name: e.name, score: scoreOf(tally), trials_considered: tally.trials });
  }
  const scored = all
    .filter((e): e is ScoreSummary["lowest"][number] => e.score !== null)
    .sort((a, b) => a.score - b.score || a.trials_considered - b.trials_considered || a.name.localeCompare(b.name));
  return {
    lowest: scored.slice(0, limit),
    scored: scored.length,
    unscored: live.length - scored.length,
    average: scored.length ? Math.round(scored.reduce((n, e) => n + e.score, 0) / scored.length) : null,
  };
}
