import Link from "next/link";
import { table } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { formatRun } from "./format";
import { PauseButton } from "./pause-button";
import type { Schedule } from "./types";

export function ScheduleRow({ schedule: s, canOperate }: { schedule: Schedule; canOperate: boolean }) {
  const name = s.experiment_name ?? s.experiment_id;
  return (
    <tr data-testid={`schedule-row-${s.id}`}>
      <td className={`${table.td} font-medium`}>
        {canOperate ? (
          <Link className="underline-offset-2 hover:underline" href={`/schedules/${s.experiment_id}/${s.id}`}>
            {name}
          </Link>
        ) : (
          name
        )}
      </td>
      <td className={table.td}>
        <code className="text-xs">{s.recurrence_pattern}</code>
        <span className="block text-xs text-slate-500 dark:text-slate-400">{s.description}</span>
      </td>
      <td className={table.td}>{s.timezone}</td>
      <td className={table.td} data-testid="schedule-next-run">
        <Time iso={s.next_run_at} empty={s.paused ? "paused" : "never"} />
        {s.next_run_at && (
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {formatRun(s.next_run_at, s.timezone)} there
          </span>
        )}
      </td>
      <td className={table.td} data-testid="schedule-state">
        {s.paused ? (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            Paused
          </span>
        ) : (
          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
            Active
          </span>
        )}
      </td>
      <td className={table.td}>{s.concurrency_policy}</td>
      {canOperate && (
        <td className={`${table.td} text-right`}>
          <PauseButton schedule={s} label={`schedule of ${name}`} />
        </td>
      )}
    </tr>
  );
}
