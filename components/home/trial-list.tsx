import Link from "next/link";
import { Time } from "@/components/ui/time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TrialSummary } from "./use-home-data";

type Props = { trials: TrialSummary[]; nameOf: (experimentId: string) => string; testId: string };

/** Trials as rows linking to their pages: experiment, status, and when it started (or was created). */
export function TrialList({ trials, nameOf, testId }: Props) {
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid={testId}>
      {trials.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm">
          <Link href={`/trials/${t.id}`} className="min-w-0 truncate font-medium hover:underline">
            {nameOf(t.experiment)}
          </Link>
          <span className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
            <Time iso={t.executed_at ?? t.created_at} />
            <StatusBadge status={t.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}
