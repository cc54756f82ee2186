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
import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { trials } from "@/db/schema";

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

export function experimentStats(db: DB, experimentId: string, days = 30, now = Date.now()): ExperimentStats {
  const scored = and(eq(trials.experimentId, experimentId), inArray(trials.status, [...SCORED_STATUSES]));
  const recent = db
    .select({ status: trials.status, passed: trials.checksPassed, total: trials.checksTotal })
    .from(trials)
    .where(scored)
    .orderBy(desc(trials.createdAt))
    .limit(SCORE_WINDOW)
    .all();
  const tally: Tally = {
    trials: recent.length,
    succeeded: recent.filter((t) => t.status === "Succeeded").length,
    checksPassed: recent.reduce((n, t) => n + t.passed, 0),
    checksTotal: recent.reduce((n, t) => n + t.total, 0),
  };
  const start =
    Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) -
    (days - 1) * DAY_MS;
  const day = sql<string>`strftime('%Y-%m-%d', ${trials.createdAt} / 1000, 'unixepoch')`;
  const byDay = db
    .select({
      day,
      trials: sql<number>`count(*)`,
      succeeded: sql<number>`sum(${trials.status} = 'Succeeded')`,
      passed: sql<number>`sum(${trials.checksPassed})`,
      total: sql<number>`sum(${trials.checksTotal})`,
    })
    .from(trials)
    .where(and(scored, gte(trials.createdAt, start)))
    .groupBy(day)
    .all();
  const found = new Map(byDay.map((d) => [d.day, d]));
  const trend = Array.from({ length: days }, (_, i) => {
    const date = new Date(start + i * DAY_MS).toISOString().slice(0, 10);
    const d = found.get(date);
    const t: Tally = d
      ? { trials: d.trials, succeeded: d.succeeded, checksPassed: d.passed, checksTotal: d.total }
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
