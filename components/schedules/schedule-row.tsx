import Link from "next/link";
import { stacked } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { formatRun } from "./format";
import { PauseButton } from "./pause-button";
import type { Schedule } from "./types";

export function ScheduleRow({ schedule: s, canOperate }: { schedule: Schedule; canOperate: boolean }) {
  const name = s.experiment_name ?? s.experiment_id;
  return (
    <tr data-testid={`schedule-row-${s.id}`} className={stacked.row}>
      <td className={`${stacked.cell} font-medium`} data-label="Experiment">
        {canOperate ? (
          <Link className="underline-offset-2 hover:underline" href={`/schedules/${s.experiment_id}/${s.id}`}>
            {name}
          </Link>
        ) : (
          name
        )}
      </td>
      <td className={stacked.cell} data-label="Pattern">
        <span className="min-w-0">
          <code className="text-xs">{s.recurrence_pattern}</code>
          <span className="block text-xs text-slate-600 dark:text-slate-400">{s.description}</span>
        </span>
      </td>
      <td className={stacked.cell} data-label="Time zone">
        {s.timezone}
      </td>
      <td className={stacked.cell} data-label="Next run" data-testid="schedule-next-run">
        <span className="min-w-0">
          <Time iso={s.next_run_at} empty={s.paused ? "paused" : "never"} />
          {s.next_run_at && (
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {formatRun(s.next_run_at, s.timezone)} there
            </span>
          )}
        </span>
      </td>
      <td className={stacked.cell} data-label="State" data-testid="schedule-state">
        {s.paused ? (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
            Paused
          </span>
        ) : (
          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
            Active
          </span>
        )}
      </td>
      <td className={stacked.cell} data-label="If still running">
        {s.concurrency_policy}
      </td>
      {canOperate && (
        <td className={`${stacked.actions} md:text-right`}>
          <PauseButton schedule={s} label={`schedule of ${name}`} />
        </td>
      )}
    </tr>
  );
}
