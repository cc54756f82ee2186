"use client";

import Link from "next/link";
import { stacked, table } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { shortId, trialDuration } from "./format";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Trial } from "./types";
import { useExperimentNames } from "@/components/experiments/use-experiments";

const COLUMNS = ["Trial", "Status", "Experiment", "Started by", "Scheduled for", "Started", "Duration", "Reason"];

export function TrialTable({ trials }: { trials: Trial[] }) {
  const names = useExperimentNames(trials.map((t) => t.experiment));
  // Running durations advance with each 5 s poll; no per-second ticker needed for a list.
  const now = Date.now();
  return (
    <div className={table.wrap}>
      <table className={stacked.table} aria-label="Trials">
        <thead className={stacked.head}>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={table.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacked.body}>
          {trials.map((t) => (
            <tr className={stacked.row} key={t.id} data-testid="trial-row" data-trial-id={t.id}>
              <td className={stacked.cell} data-label="Trial">
                <Link href={`/trials/${t.id}`} className="font-mono text-xs underline" aria-label={`Trial ${t.id}`}>
                  {shortId(t.id)}
                </Link>
              </td>
              <td className={stacked.cell} data-label="Status">
                <StatusBadge status={t.status} />
              </td>
              <td className={stacked.cell} data-label="Experiment">
                {names.get(t.experiment) ?? <span className="font-mono text-xs">{shortId(t.experiment)}</span>}
              </td>
              <td className={stacked.cell} data-label="Started by">
                {t.initiated_by}
              </td>
              <td className={`${stacked.cell} whitespace-nowrap`} data-label="Scheduled for">
                {/* Only a schedule's firing was due at a time; a manual run was not scheduled. */}
                {t.schedule ? (
                  <Time iso={t.scheduled_for} />
                ) : (
                  <span className="text-slate-600 dark:text-slate-400">—</span>
                )}
              </td>
              <td className={`${stacked.cell} whitespace-nowrap`} data-label="Started">
                <Time iso={t.executed_at} />
              </td>
              <td className={`${stacked.cell} whitespace-nowrap tabular-nums`} data-label="Duration">
                {trialDuration(t.executed_at, t.completed_at, now)}
              </td>
              <td className={`${stacked.cell} text-slate-600 dark:text-slate-400`} data-label="Reason">
                {/* A table cell grows with its text; the inner block is what truncates long reasons. */}
                <span className="block max-w-48 truncate" title={t.status_reason ?? ""}>
                  {t.status_reason ?? ""}
                </span>
              </td>
            </tr>
          ))}
          {trials.length === 0 && (
            <tr>
              <td
                colSpan={COLUMNS.length}
                className={`${table.td} py-8 text-center text-slate-600 dark:text-slate-400`}
              >
                No trials match these filters.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
