"use client";

import Link from "next/link";
import { scoreBar, scoreTone } from "@/components/score/score-tone";
import { useScoreSummary } from "@/components/score/use-scores";
import { Panel, PanelState } from "./panel";

const SHOWN = 6;

/** The weakest experiments first: where to look before the next game day. */
export function ScoresPanel() {
  const summary = useScoreSummary(SHOWN);
  const data = summary.data;
  return (
    <Panel
      title="Lowest resilience scores"
      testId="panel-scores"
      action={
        data?.average != null && (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            average <strong className={scoreTone(data.average)}>{data.average}</strong> over {data.scored}
          </span>
        )
      }
    >
      <PanelState
        query={summary}
        isEmpty={(data?.lowest.length ?? 0) === 0}
        empty="No experiment has a score yet: a score needs a trial that ended Succeeded, Failed or Aborted."
      >
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="score-list">
          {data?.lowest.map((e) => (
            <li key={e.id} className="flex items-center gap-3 py-2 text-sm" data-testid="score-row">
              <span className={`w-8 text-right font-semibold tabular-nums ${scoreTone(e.score)}`}>{e.score}</span>
              <span aria-hidden="true" className="h-2 w-16 shrink-0 rounded-full bg-slate-100 dark:bg-slate-800">
                <span className={`block h-2 rounded-full ${scoreBar(e.score)}`} style={{ width: `${e.score}%` }} />
              </span>
              <Link href={`/experiments/${e.id}`} className="min-w-0 flex-1 truncate hover:underline">
                {e.name}
              </Link>
              <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
                {e.trials_considered} {e.trials_considered === 1 ? "trial" : "trials"}
              </span>
            </li>
          ))}
        </ul>
        {data && data.unscored > 0 && (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            {data.unscored} {data.unscored === 1 ? "experiment has" : "experiments have"} no score yet.
          </p>
        )}
      </PanelState>
    </Panel>
  );
}
