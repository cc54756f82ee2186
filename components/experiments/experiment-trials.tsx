import Link from "next/link";
import { FormError } from "@/components/ui/field";
import { card } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { useRecentTrials } from "./use-experiments";

export function ExperimentTrials({ experimentId }: { experimentId: string }) {
  const trials = useRecentTrials(experimentId);
  return (
    <section aria-labelledby="trials-title" className={`${card} space-y-3`}>
      <h2 id="trials-title" className="text-base font-semibold">
        Recent trials
      </h2>
      {trials.isPending ? (
        <p className="text-sm text-slate-500">Loading trials…</p>
      ) : trials.isError ? (
        <FormError message={trials.error.message} />
      ) : trials.data.length === 0 ? (
        <p className="text-sm text-slate-500">Never run.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {trials.data.map((t) => (
            <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <Link href={`/trials/${t.id}`} className="underline">
                {t.status}
              </Link>
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {t.initiated_by} · <Time iso={t.created_at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
