import Link from "next/link";
import { ReportDownloads } from "@/components/reports/report-downloads";
import { Time } from "@/components/ui/time";
import type { ReactNode } from "react";
import { shortId, trialDuration } from "./format";
import { StatusBadge } from "@/components/ui/status-badge";
import { StopTrialButton } from "./stop-trial-button";
import { TrialHeld } from "./trial-held";
import { type Experiment, isActive, type Trial } from "./types";

type Props = { trial: Trial; experiment: Experiment | undefined; canStop: boolean; now: number };

/** Which experiment, how it went and why, who started it and when; Stop for operators while it can change. */
export function TrialHeader({ trial, experiment, canStop, now }: Props) {
  const stoppable = canStop && (trial.status === "Scheduled" || trial.status === "In Progress");
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <Link href="/trials" className="underline">
              Trials
            </Link>{" "}
            / <span className="font-mono">{shortId(trial.id)}</span>
          </p>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
            <Link href={`/experiments/${trial.experiment}`} className="hover:underline" data-testid="trial-experiment">
              {experiment?.name ?? `Experiment ${shortId(trial.experiment)}`}
            </Link>
            <StatusBadge status={trial.status} />
          </h1>
          {trial.status_reason && (
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="trial-reason">
              {trial.status_reason}
            </p>
          )}
        </div>
        {stoppable && <StopTrialButton trialId={trial.id} />}
      </div>
      <TrialHeld trial={trial} />
      <ReportDownloads scope={{ trial: trial.id }} />
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact term="Started by">{trial.initiated_by}</Fact>
        <Fact term="Revision">
          <span data-testid="trial-revision">{trial.experiment_revision}</span>
        </Fact>
        {/* Only a schedule's firing has a slot it was due in; a manual run is due when it is made. */}
        {trial.schedule && (
          <Fact term="Scheduled for">
            <Time iso={trial.scheduled_for} />
          </Fact>
        )}
        <Fact term="Started">
          <Time iso={trial.executed_at} empty={trial.status === "Scheduled" ? "not yet" : "never"} />
        </Fact>
        <Fact term="Completed">
          <Time iso={trial.completed_at} empty={completedEmpty(trial)} />
        </Fact>
        <Fact term="Duration">
          <span className="tabular-nums">{trialDuration(trial.executed_at, trial.completed_at, now)}</span>
        </Fact>
      </dl>
    </header>
  );
}

/** What "Completed" says before there is a time: the trial is running, waiting, or never ran. */
function completedEmpty(trial: Trial): string {
  if (trial.status === "Scheduled") return "not started";
  return isActive(trial.status) ? "running" : "—";
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
