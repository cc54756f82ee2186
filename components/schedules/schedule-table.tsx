"use client";

import { FormError } from "@/components/ui/field";
import { StackedTable } from "@/components/ui/stacked-table";
import { ScheduleRow } from "./schedule-row";
import { useAllSchedules } from "./use-schedules";

const COLUMNS = ["Experiment", "Pattern", "Time zone", "Next run", "State", "If still running"];

export function ScheduleTable({ canOperate }: { canOperate: boolean }) {
  const schedules = useAllSchedules();
  if (schedules.isPending) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading schedules…</p>;
  if (schedules.isError) return <FormError message={`Could not load the schedules: ${schedules.error.message}`} />;
  if (schedules.data.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        No schedules yet.{canOperate && " Create one to run an experiment on a recurring pattern."}
      </p>
    );
  }
  return (
    <StackedTable label="Schedules" columns={COLUMNS} actions={canOperate}>
      {schedules.data.map((s) => (
        <ScheduleRow key={s.id} schedule={s} canOperate={canOperate} />
      ))}
    </StackedTable>
  );
}
