import Link from "next/link";
import { FormError } from "@/components/ui/field";
import { button, card } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { useExperimentSchedules } from "@/components/schedules/use-schedules";

export function ExperimentSchedules({ experimentId, canWrite }: { experimentId: string; canWrite: boolean }) {
  const schedules = useExperimentSchedules(experimentId);
  return (
    <section aria-labelledby="schedules-title" className={`${card} space-y-3`}>
      <div className="flex items-center justify-between gap-2">
        <h2 id="schedules-title" className="text-base font-semibold">
          Schedules
        </h2>
        {canWrite && (
          <Link href={`/schedules/new?experiment=${experimentId}`} className={button.secondary}>
            New schedule
          </Link>
        )}
      </div>
      {schedules.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading schedules…</p>
      ) : schedules.isError ? (
        <FormError message={schedules.error.message} />
      ) : schedules.data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Not scheduled.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {schedules.data.map((s) => (
            <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <Link href={`/schedules/${experimentId}/${s.id}`} className="font-mono underline">
                {s.recurrence_pattern}
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {s.paused ? (
                  "paused"
                ) : (
                  <>
                    next <Time iso={s.next_run_at} empty="never" />
                  </>
                )}{" "}
                · {s.timezone}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
