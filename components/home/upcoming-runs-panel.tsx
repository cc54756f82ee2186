"use client";

import Link from "next/link";
import { formatRun } from "@/components/schedules/format";
import { useUpcomingRuns } from "@/components/schedules/use-schedules";
import { Panel, PanelState } from "./panel";

const SHOWN = 8;

/** The next day's firings: the time in the viewer's zone first, then on the schedule's own clock. */
export function UpcomingRunsPanel() {
  const upcoming = useUpcomingRuns(24);
  const runs = upcoming.data ?? [];
  return (
    <Panel
      title="Next 24 hours"
      testId="panel-upcoming"
      action={
        <Link href="/schedules" className="text-xs underline">
          All schedules
        </Link>
      }
    >
      <PanelState query={upcoming} isEmpty={runs.length === 0} empty="Nothing is scheduled in the next 24 hours.">
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="upcoming-runs">
          {runs.slice(0, SHOWN).map((run) => (
            <li key={`${run.schedule}-${run.at}`} className="py-2 text-sm">
              <span className="font-medium">{run.experiment_name}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                <time dateTime={run.at}>{formatRun(run.at)}</time>
                {" · "}
                {formatRun(run.at, run.timezone)} {run.timezone}
              </span>
              {run.blackout && (
                <span className="block text-xs font-medium text-red-700 dark:text-red-400">
                  Skipped: blackout window “{run.blackout}”
                </span>
              )}
            </li>
          ))}
        </ul>
        {runs.length > SHOWN && (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">and {runs.length - SHOWN} more</p>
        )}
      </PanelState>
    </Panel>
  );
}
