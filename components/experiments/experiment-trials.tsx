import Link from "next/link";
import { useTrialList } from "@/components/trials/use-trials";
import { FormError } from "@/components/ui/field";
import { StatusBadge } from "@/components/ui/status-badge";
import { card } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";

const SHOWN = 10;

export function ExperimentTrials({ experimentId }: { experimentId: string }) {
  const trials = useTrialList({ experiment: experimentId }, SHOWN, 0);
  return (
    <section aria-labelledby="trials-title" className={`${card} space-y-3`}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="trials-title" className="text-base font-semibold">
          Recent trials
        </h2>
        <Link href={`/trials?experiment=${experimentId}`} className="text-sm underline">
          All trials
        </Link>
      </div>
      {trials.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading trials…</p>
      ) : trials.isError ? (
        <FormError message={trials.error.message} />
      ) : trials.data.trials.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Never run.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {trials.data.trials.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/trials/${t.id}`} className="underline" aria-label={`Trial ${t.id}: ${t.status}`}>
                <StatusBadge status={t.status} />
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {t.initiated_by} · <Time iso={t.created_at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
