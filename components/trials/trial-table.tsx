"use client";

import Link from "next/link";
import { table } from "@/components/ui/styles";
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
      <table className={table.table} aria-label="Trials">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={table.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={table.row}>
          {trials.map((t) => (
            <tr key={t.id} data-testid="trial-row" data-trial-id={t.id}>
              <td className={table.td}>
                <Link href={`/trials/${t.id}`} className="font-mono text-xs underline" aria-label={`Trial ${t.id}`}>
                  {shortId(t.id)}
                </Link>
              </td>
              <td className={table.td}>
                <StatusBadge status={t.status} />
              </td>
              <td className={table.td}>
                {names.get(t.experiment) ?? <span className="font-mono text-xs">{shortId(t.experiment)}</span>}
              </td>
              <td className={table.td}>{t.initiated_by}</td>
              <td className={`${table.td} whitespace-nowrap`}>
                <Time iso={t.scheduled_for} />
              </td>
              <td className={`${table.td} whitespace-nowrap`}>
                <Time iso={t.executed_at} />
              </td>
              <td className={`${table.td} whitespace-nowrap tabular-nums`}>
                {trialDuration(t.executed_at, t.completed_at, now)}
              </td>
              <td className={`${table.td} text-slate-600 dark:text-slate-400`}>
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
