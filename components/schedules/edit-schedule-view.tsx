"use client";

import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteScheduleButton } from "./delete-schedule-button";
import { draftFrom } from "./draft";
import { PauseButton } from "./pause-button";
import { ScheduleForm } from "./schedule-form";
import { useSchedule } from "./use-schedules";

type Props = { experimentId: string; scheduleId: string };

export function EditScheduleView({ experimentId, scheduleId }: Props) {
  const schedule = useSchedule(experimentId, scheduleId);
  if (schedule.isPending) return <p className="text-sm text-slate-500">Loading schedule…</p>;
  if (schedule.isError) return <FormError message={schedule.error.message} />;
  const s = schedule.data;
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title="Edit schedule">
          {s.description} · {s.paused ? "Paused" : "Active"}
        </PageHeader>
        <div className="flex flex-wrap items-start gap-2">
          <PauseButton schedule={s} label="this schedule" />
          <DeleteScheduleButton experimentId={experimentId} scheduleId={scheduleId} />
        </div>
      </div>
      {/* Keyed on `paused` so the form's checkbox follows the Pause button; a save must not undo it. */}
      <ScheduleForm key={`${s.id}-${s.paused}`} experimentId={experimentId} initial={draftFrom(s)} existing={s} />
    </section>
  );
}
