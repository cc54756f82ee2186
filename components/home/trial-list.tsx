import Link from "next/link";
import { useExperimentNames } from "@/components/experiments/use-experiments";
import type { Trial } from "@/components/trials/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { Time } from "@/components/ui/time";

type Props = { trials: Trial[]; testId: string };

/** Trials as rows linking to their pages: experiment, status, and when it started (or was created). */
export function TrialList({ trials, testId }: Props) {
  const names = useExperimentNames(trials.map((t) => t.experiment));
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid={testId}>
      {trials.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm">
          <Link href={`/trials/${t.id}`} className="min-w-0 truncate font-medium hover:underline">
            {names.get(t.experiment) ?? t.experiment.slice(0, 8)}
          </Link>
          <span className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
            <Time iso={t.executed_at ?? t.created_at} />
            <StatusBadge status={t.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}
