"use client";

import { Panel, PanelState } from "./panel";
import { SuccessRateChart } from "./success-rate-chart";
import { useTrialStats } from "@/components/trials/use-trials";

const DAYS = 30;

const LEGEND = [
  ["bg-emerald-500", "Succeeded"],
  ["bg-red-500", "Failed, aborted or invalid"],
  ["bg-slate-400", "Other"],
];

export function SuccessRatePanel() {
  const stats = useTrialStats(DAYS);
  const rate = stats.data?.success_rate ?? null;
  const empty = stats.data?.days.every((d) => d.total === 0) ?? false;
  return (
    <Panel
      title={`Success rate, last ${DAYS} days`}
      testId="panel-success"
      action={
        stats.data && (
          <span className="text-2xl font-semibold" data-testid="success-rate">
            {rate === null ? "—" : `${Math.round(rate * 100)}%`}
          </span>
        )
      }
    >
      <PanelState query={stats} isEmpty={empty} empty={`No trials in the last ${DAYS} days.`}>
        <SuccessRateChart days={stats.data?.days ?? []} rate={rate} />
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          {LEGEND.map(([colour, label]) => (
            <li key={label} className="flex items-center gap-1">
              <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${colour}`} />
              {label}
            </li>
          ))}
        </ul>
      </PanelState>
    </Panel>
  );
}
