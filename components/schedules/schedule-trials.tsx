"use client";

import Link from "next/link";
import { useScheduleTrials } from "@/components/trials/use-trials";
import { FormError } from "@/components/ui/field";
import { StatusBadge } from "@/components/ui/status-badge";
import { card } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";

const SHOWN = 10;

/** The trials this schedule fired, newest first, each linking to its page. */
export function ScheduleTrials({ scheduleId }: { scheduleId: string }) {
  const trials = useScheduleTrials(scheduleId, SHOWN);
  return (
    <section aria-labelledby="schedule-trials-title" className={`${card} space-y-3`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="schedule-trials-title" className="text-base font-semibold">
          Trials of this schedule
        </h2>
        {(trials.data?.total ?? 0) > SHOWN && (
          <Link href={`/trials?schedule=${scheduleId}`} className="text-sm underline">
            All {trials.data?.total}
          </Link>
        )}
      </div>
      {trials.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading trials…</p>
      ) : trials.isError ? (
        <FormError message={trials.error.message} />
      ) : trials.data.trials.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">It has not fired yet.</p>
      ) : (
        <ul data-testid="schedule-trials" className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {trials.data.trials.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/trials/${t.id}`} className="underline" aria-label={`Trial ${t.id}: ${t.status}`}>
                <StatusBadge status={t.status} />
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                due <Time iso={t.scheduled_for} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
