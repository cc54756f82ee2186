"use client";

import { useMemo, useState } from "react";
import { FormError } from "@/components/ui/field";
import { ApiError } from "@/lib/client/api-fetch";
import { JsonBlock, LogLines } from "./log-lines";
import { GuardTripped } from "./guard-tripped";
import { StepDetails } from "./step-details";
import { axisFor, buildBars } from "./timeline-model";
import { TrialHeader } from "./trial-header";
import { TrialTimeline } from "./trial-timeline";
import { isActive } from "./types";
import { useNow } from "./use-now";
import { useExperimentRevision } from "@/components/experiments/use-experiments";
import { useTrial } from "./use-trials";

/** One trial, live: polled every second while it runs, with a 1 s ticker so the running bar grows. */
export function TrialDetailView({ id, canStop }: { id: string; canStop: boolean }) {
  const trial = useTrial(id);
  const experiment = useExperimentRevision(trial.data?.experiment, trial.data?.experiment_revision);
  const now = useNow(isActive(trial.data?.status));
  const [chosen, setChosen] = useState<string | null>(null);
  const bars = useMemo(() => (trial.data ? buildBars(trial.data, experiment.data) : []), [trial.data, experiment.data]);

  if (trial.isPending)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
        Loading trial…
      </p>
    );
  if (trial.isError) {
    const missing = trial.error instanceof ApiError && trial.error.status === 404;
    return <FormError message={missing ? "No trial has this id." : trial.error.message} testId="trial-error" />;
  }
  const data = trial.data;
  const axis = axisFor(bars, data, now);
  // Until someone picks a step, follow the one running (or the one that failed).
  const selectedKey =
    chosen ?? bars.find((b) => b.status === "running")?.key ?? bars.find((b) => b.status === "failed")?.key ?? null;
  const resultLogs = data.trial_record.result?.flatMap((r) => r.logs) ?? [];

  return (
    <section className="space-y-6">
      <TrialHeader trial={data} experiment={experiment.data} canStop={canStop} now={now} />
      <GuardTripped record={data.guard_record} />
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Timeline</h2>
        <TrialTimeline
          bars={bars}
          axis={axis}
          active={isActive(data.status)}
          now={now}
          selectedKey={selectedKey}
          onSelect={setChosen}
          guardRecord={data.guard_record}
        />
      </div>
      <StepDetails bar={bars.find((b) => b.key === selectedKey)} now={now} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-1">
          <h2 className="text-lg font-semibold">Trial parameters</h2>
          <JsonBlock value={data.parameters} testId="trial-parameters" />
        </div>
        <div className="space-y-1">
          <h2 className="text-lg font-semibold">Result</h2>
          {resultLogs.length ? (
            <LogLines lines={resultLogs} testId="trial-result" />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {isActive(data.status) ? "Not finished yet." : "No result recorded."}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
