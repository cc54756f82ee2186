"use client";

import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { newDraft } from "./draft";
import { ExperimentPicker } from "./experiment-picker";
import { ScheduleForm } from "./schedule-form";
import { useBrowserZone } from "./use-browser-zone";
import { useExperiment } from "@/components/experiments/use-experiments";

export function NewScheduleView({ experimentId }: { experimentId?: string }) {
  const zone = useBrowserZone();
  return (
    <section className="space-y-6">
      <PageHeader title="New schedule">
        {experimentId ? <ExperimentName id={experimentId} /> : "Pick the experiment the schedule runs."}
      </PageHeader>
      {!experimentId ? (
        <ExperimentPicker />
      ) : zone ? (
        <ScheduleForm experimentId={experimentId} initial={newDraft(zone)} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading form…</p>
      )}
    </section>
  );
}

function ExperimentName({ id }: { id: string }) {
  const experiment = useExperiment(id);
  return (
    <>
      Runs{" "}
      <strong data-testid="schedule-experiment">
        {experiment.data?.name ?? (experiment.isError ? "an unknown experiment" : "…")}
      </strong>
      .{" "}
      <Link href="/schedules/new" className="underline">
        Pick another
      </Link>
    </>
  );
}
