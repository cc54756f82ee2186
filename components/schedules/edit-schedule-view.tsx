"use client";

import Link from "next/link";
import { useExperiment } from "@/components/experiments/use-experiments";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteScheduleButton } from "./delete-schedule-button";
import { draftFrom } from "./draft";
import { PauseButton } from "./pause-button";
import { ScheduleForm } from "./schedule-form";
import { ScheduleTrials } from "./schedule-trials";
import type { Schedule } from "./types";
import { useSchedule } from "./use-schedules";

type Props = { experimentId: string; scheduleId: string };

/** "3 of 5 runs left", or that it fires until paused or deleted. */
function runsLeft(s: Schedule): string {
  if (s.recurrence_count === null) return "Fires until it is paused or deleted.";
  const left = s.recurrence_left ?? s.recurrence_count;
  return `${left} of ${s.recurrence_count} run${s.recurrence_count === 1 ? "" : "s"} left.`;
}

export function EditScheduleView({ experimentId, scheduleId }: Props) {
  const schedule = useSchedule(experimentId, scheduleId);
  const experiment = useExperiment(experimentId);
  if (schedule.isPending) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading schedule…</p>;
  if (schedule.isError) return <FormError message={schedule.error.message} />;
  const s = schedule.data;
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <PageHeader title="Edit schedule">
            Runs{" "}
            <Link href={`/experiments/${experimentId}`} className="font-medium underline">
              {experiment.data?.name ?? "its experiment"}
            </Link>{" "}
            · {s.description} · {s.paused ? "Paused" : "Active"}
          </PageHeader>
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="schedule-runs-left">
            {runsLeft(s)}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <PauseButton schedule={s} label="this schedule" />
          <DeleteScheduleButton experimentId={experimentId} scheduleId={scheduleId} />
        </div>
      </div>
      {/* Keyed on `paused` so the form's checkbox follows the Pause button; a save must not undo it. */}
      <ScheduleForm key={`${s.id}-${s.paused}`} experimentId={experimentId} initial={draftFrom(s)} existing={s} />
      <ScheduleTrials scheduleId={s.id} />
    </section>
  );
}
