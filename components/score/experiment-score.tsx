"use client";

import { FormError } from "@/components/ui/field";
import { card } from "@/components/ui/styles";
import { ScoreTrend } from "./score-trend";
import { scoreTone } from "./score-tone";
import { useExperimentStats } from "./use-scores";

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The resilience score and the numbers it comes from (see README, "The resilience score"):
 * 100 × (0.7 × the share of trials that succeeded + 0.3 × the share of checks that passed).
 */
export function ExperimentScore({ experimentId }: { experimentId: string }) {
  const stats = useExperimentStats(experimentId);
  return (
    <section aria-labelledby="score-title" className={`${card} space-y-4`}>
      <h2 id="score-title" className="text-base font-semibold">
        Resilience score
      </h2>
      {stats.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading the score…</p>
      ) : stats.isError ? (
        <FormError message={`Could not load the score: ${stats.error.message}`} />
      ) : (
        <div className="grid gap-4 md:grid-cols-[auto_1fr] md:items-end">
          <div className="space-y-1">
            <p
              className={`text-4xl font-semibold tabular-nums ${scoreTone(stats.data.score)}`}
              data-testid="score-value"
            >
              {stats.data.score ?? "—"}
              {stats.data.score !== null && <span className="text-base font-normal"> / 100</span>}
            </p>
            <p className="max-w-xs text-sm text-slate-700 dark:text-slate-300" data-testid="score-basis">
              {stats.data.trials_considered === 0
                ? "No trial has ended Succeeded, Failed or Aborted yet."
                : basis(stats.data)}
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              70% outcomes, 30% checks, over the latest 20 trials with an outcome (stopped and skipped ones do not
              count).
            </p>
          </div>
          <ScoreTrend trend={stats.data.trend} />
        </div>
      )}
    </section>
  );
}

function basis(s: NonNullable<ReturnType<typeof useExperimentStats>["data"]>): string {
  const trials = `${s.succeeded} of ${s.trials_considered} ${s.trials_considered === 1 ? "trial" : "trials"} succeeded`;
  const checks =
    s.checks_total === 0 || s.check_pass_rate === null
      ? "no guard or expectation checks yet"
      : `${s.checks_passed} of ${s.checks_total} checks passed (${pct(s.check_pass_rate)})`;
  return `${trials}; ${checks}.`;
}
