"use client";

import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { button, stacked } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { type GlobalGuard, useDeleteGlobalGuard, useSaveGlobalGuard } from "./use-global-guards";

type Props = { guard: GlobalGuard; isAdmin: boolean; onEdit: () => void };

/** One global guard: what it probes, how it reacts, and what the runner last saw. */
export function GuardRow({ guard: g, isAdmin, onEdit }: Props) {
  const toggle = useSaveGlobalGuard(g.id);
  const remove = useDeleteGlobalGuard(g.id);
  return (
    <tr className={stacked.row} data-testid="guard-row" data-name={g.name}>
      <td className={`${stacked.cell} font-medium`} data-label="Name">
        <span className="min-w-0 break-words">{g.name}</span>
      </td>
      <td className={stacked.cell} data-label="Probe">
        <code className="font-mono text-xs">{String(g.step.do ?? "")}</code>
      </td>
      <td className={stacked.cell} data-label="Runs">
        every {g.interval_seconds} s, tolerance {g.tolerance}
      </td>
      <td className={stacked.cell} data-label="Sets">
        {g.action}
      </td>
      <td className={stacked.cell} data-label="Last check">
        <LastCheck guard={g} />
      </td>
      <td className={`${stacked.actions} md:text-right`}>
        {isAdmin && (
          <div className="flex flex-wrap gap-2 md:justify-end">
            <button type="button" className={button.secondary} aria-label={`Edit ${g.name}`} onClick={onEdit}>
              Edit
            </button>
            <button
              type="button"
              className={button.secondary}
              aria-label={`${g.enabled ? "Disable" : "Enable"} ${g.name}`}
              disabled={toggle.isPending}
              onClick={() => toggle.mutate({ enabled: !g.enabled })}
            >
              {g.enabled ? "Disable" : "Enable"}
            </button>
            <ConfirmDelete
              label={`Delete ${g.name}`}
              question={`Delete “${g.name}”? The runner stops watching it.`}
              pending={remove.isPending}
              error={remove.error}
              onConfirm={() => remove.mutate()}
            />
          </div>
        )}
        {toggle.error && (
          <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
            {toggle.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

function LastCheck({ guard: g }: { guard: GlobalGuard }) {
  if (!g.enabled) return <span className="text-slate-600 dark:text-slate-400">Disabled</span>;
  if (!g.last_checked_at) return <span className="text-slate-600 dark:text-slate-400">Not checked yet</span>;
  return (
    <span className="min-w-0 space-y-0.5">
      <span className="block" data-testid="guard-last-state">
        {g.tripped_at ? (
          <strong className="text-red-700 dark:text-red-400">Tripped (set {g.action})</strong>
        ) : g.last_ok ? (
          <span className="text-emerald-700 dark:text-emerald-400">Passed</span>
        ) : (
          <span className="text-amber-700 dark:text-amber-400">Failed</span>
        )}{" "}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          <Time iso={g.last_checked_at} />
        </span>
      </span>
      {g.last_message && (
        <span className="block break-words font-mono text-xs text-slate-600 dark:text-slate-400">{g.last_message}</span>
      )}
    </span>
  );
}
