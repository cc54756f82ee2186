import Link from "next/link";
import { type CalendarLine, calendarLines } from "./calendar-lines";
import { formatClock, localDayKey } from "./format";
import type { UpcomingRun } from "./types";

/** Lines per day before "+N more"; frequent schedules are already folded into one line each. */
const SHOWN_PER_DAY = 10;

type Props = { day: Date; runs: UpcomingRun[]; linkRuns: boolean };

export function CalendarDay({ day, runs, linkRuns }: Props) {
  const label = day.toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric" });
  const lines = calendarLines(runs);
  return (
    <li
      data-testid={`calendar-day-${localDayKey(day)}`}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</h3>
      <ul className="mt-2 space-y-1.5 text-xs">
        {lines.slice(0, SHOWN_PER_DAY).map((line) => (
          <li
            key={`${line.run.schedule}-${line.run.at}`}
            data-testid="calendar-run"
            data-blackout={line.windows.join(", ") || undefined}
            title={line.run.experiment_name}
          >
            {linkRuns ? (
              <Link href={`/schedules/${line.run.experiment}/${line.run.schedule}`} className="block hover:underline">
                <LineText line={line} />
              </Link>
            ) : (
              <LineText line={line} />
            )}
          </li>
        ))}
        {lines.length > SHOWN_PER_DAY && (
          <li className="text-slate-600 dark:text-slate-400">+{lines.length - SHOWN_PER_DAY} more</li>
        )}
        {lines.length === 0 && <li className="text-slate-600 dark:text-slate-400">No runs</li>}
      </ul>
    </li>
  );
}

function LineText({ line }: { line: CalendarLine }) {
  return (
    <>
      <span className="block font-mono text-slate-600 dark:text-slate-400">
        <time dateTime={line.run.at}>{formatClock(line.run.at)}</time>
        {line.count > 1 && (
          <>
            –<time dateTime={line.lastAt}>{formatClock(line.lastAt)}</time> ×{line.count}
          </>
        )}
      </span>
      <span className="block truncate">{line.run.experiment_name}</span>
      {line.held > 0 && (
        <span className="block truncate font-medium text-red-700 dark:text-red-400" data-testid="calendar-blackout">
          {line.count > 1 ? `${line.held} skipped: ` : "Skipped: "}
          {line.windows.join(", ")}
        </span>
      )}
    </>
  );
}
