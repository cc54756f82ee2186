"use client";

import { FormError } from "@/components/ui/field";
import { CalendarDay } from "./calendar-day";
import { localDayKey } from "./format";
import type { UpcomingRun } from "./types";
import { useUpcomingRuns } from "./use-schedules";

const DAYS = 7;

function nextDays(): Date[] {
  const today = new Date();
  return Array.from({ length: DAYS }, (_, i) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + i));
}

/**
 * The next 7 days in the viewer's zone, one column per day (stacked on a phone). The API caps a
 * call at 1,000 runs, soonest first, so very frequent schedules can cut the last days short.
 */
export function WeekCalendar({ linkRuns }: { linkRuns: boolean }) {
  const upcoming = useUpcomingRuns(24 * DAYS);
  const byDay = new Map<string, UpcomingRun[]>();
  for (const run of upcoming.data ?? []) {
    const key = localDayKey(new Date(run.at));
    byDay.set(key, [...(byDay.get(key) ?? []), run]);
  }
  return (
    <section aria-labelledby="calendar-title" className="space-y-3">
      <h2 id="calendar-title" className="text-lg font-semibold">
        Next 7 days
      </h2>
      {upcoming.isPending && <p className="text-sm text-slate-600 dark:text-slate-400">Loading upcoming runs…</p>}
      {upcoming.isError && <FormError message={`Could not load upcoming runs: ${upcoming.error.message}`} />}
      {upcoming.isSuccess && upcoming.data.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing is scheduled to run in the next 7 days.</p>
      )}
      {upcoming.isSuccess && (
        <ol className="grid gap-2 sm:grid-cols-7" data-testid="week-calendar">
          {nextDays().map((day) => (
            <CalendarDay
              key={localDayKey(day)}
              day={day}
              runs={byDay.get(localDayKey(day)) ?? []}
              linkRuns={linkRuns}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
