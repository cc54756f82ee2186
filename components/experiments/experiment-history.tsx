"use client";

import { useTrialList } from "@/components/trials/use-trials";
import { FormError } from "@/components/ui/field";
import { card } from "@/components/ui/styles";
import { TERMINAL_STATUSES } from "@/lib/trials/statuses";
import { HistoryChart } from "./history-chart";
import { RevisionChanges } from "./revision-changes";

/** The most recent trials charted; older ones are in the trials list and the reports. */
const CHARTED = 50;
const ENDED: ReadonlySet<string> = new Set(TERMINAL_STATUSES);
const FAILED = new Set(["Failed", "Aborted", "Invalid"]);

const LEGEND = [
  ["bg-emerald-600", "Succeeded"],
  ["bg-red-600", "Failed or invalid"],
  ["bg-orange-600", "Aborted"],
  ["bg-zinc-500", "Stopped"],
  ["bg-slate-300", "Skipped"],
];

/**
 * How the experiment has fared: each finished trial's outcome and duration over time, the success
 * rate over them (as every report counts it: succeeded of those that succeeded or failed), and
 * what each revision of the definition changed.
 */
export function ExperimentHistory({ experimentId }: { experimentId: string }) {
  const list = useTrialList({ experiment: experimentId }, CHARTED, 0, 10_000);
  const ended = (list.data?.trials ?? []).filter((t) => ENDED.has(t.status)).reverse();
  const ok = ended.filter((t) => t.status === "Succeeded").length;
  const decided = ok + ended.filter((t) => FAILED.has(t.status)).length;
  return (
    <section aria-labelledby="history-title" className={`${card} space-y-4`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="history-title" className="text-base font-semibold">
          History
        </h2>
        {decided > 0 && (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Success rate{" "}
            <strong className="text-lg" data-testid="history-success-rate">
              {Math.round((ok / decided) * 100)}%
            </strong>{" "}
            ({ok} of {decided} with an outcome)
          </p>
        )}
      </div>
      {list.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading trials…</p>
      ) : list.isError ? (
        <FormError message={list.error.message} />
      ) : ended.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No trial has finished yet.</p>
      ) : (
        <>
          <HistoryChart trials={ended} />
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            {LEGEND.map(([colour, label]) => (
              <li key={label} className="flex items-center gap-1">
                <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${colour}`} />
                {label}
              </li>
            ))}
            <li>Height: how long it ran. Dashed line: a new revision.</li>
          </ul>
        </>
      )}
      <RevisionChanges experimentId={experimentId} />
    </section>
  );
}
