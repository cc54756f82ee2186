"use client";

import Link from "next/link";
import { FormError } from "@/components/ui/field";
import { card } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { ExperimentActions } from "./experiment-actions";
import { ExperimentHistory } from "./experiment-history";
import { ExperimentSchedules } from "./experiment-schedules";
import { ExperimentTrials } from "./experiment-trials";
import { Labels } from "./experiment-table";
import { StepSection } from "./step-section";
import { STEP_LISTS } from "./types";
import { useExperiment } from "./use-experiments";
import { ReportDownloads } from "@/components/reports/report-downloads";
import { ExperimentScore } from "@/components/score/experiment-score";
import { ExperimentBlackouts } from "@/components/blackout/experiment-blackouts";

const LIST_TITLES = { pre_steps: "Pre-steps", steps: "Steps", post_steps: "Post-steps (rollback)" };

export function ExperimentDetail({
  id,
  canWrite,
  canOverride,
}: {
  id: string;
  canWrite: boolean;
  canOverride: boolean;
}) {
  const experiment = useExperiment(id);
  if (experiment.isPending)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading the experiment…</p>;
  if (experiment.isError)
    return (
      <div className="space-y-3">
        <FormError message={experiment.error.message} />
        <Link href="/experiments" className="text-sm underline">
          Back to experiments
        </Link>
      </div>
    );
  const e = experiment.data;
  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <Link href="/experiments" className="text-sm text-slate-600 underline dark:text-slate-400">
          ← Experiments
        </Link>
        <h1 className="text-2xl font-semibold break-words">{e.name}</h1>
        {e.description && <p className="text-slate-700 dark:text-slate-300">{e.description}</p>}
        <Labels metadata={e.metadata} />
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Created by {e.created_by} · updated <Time iso={e.updated_at} />
        </p>
        <ExperimentActions experiment={e} canWrite={canWrite} canOverride={canOverride} />
        <ReportDownloads scope={{ experiment: e.id }} />
      </header>
      <ExperimentScore experimentId={id} />
      <ExperimentHistory experimentId={id} />
      <section aria-labelledby="parameters-title" className={card}>
        <h2 id="parameters-title" className="mb-2 text-base font-semibold">
          Parameters
        </h2>
        {Object.keys(e.parameters).length ? (
          <pre className="overflow-x-auto rounded bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950">
            {JSON.stringify(e.parameters, null, 2)}
          </pre>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>
        )}
      </section>
      {STEP_LISTS.map((list) => (
        <StepSection key={list} title={LIST_TITLES[list]} steps={e[list]} />
      ))}
      <StepSection title="Guards (watched while the steps run)" steps={e.guards ?? []} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ExperimentSchedules experimentId={id} canWrite={canWrite} />
        <ExperimentTrials experimentId={id} />
      </div>
      <ExperimentBlackouts experimentId={id} canWrite={canWrite} />
    </article>
  );
}
