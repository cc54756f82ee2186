"use client";

import { StackedTable } from "@/components/ui/stacked-table";
import { stacked } from "@/components/ui/styles";
import Link from "next/link";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { FormError } from "@/components/ui/field";
import { Time } from "@/components/ui/time";
import { type BlackoutWindow, useBlackouts, useDeleteBlackout } from "./use-blackouts";

type Props = {
  /** One experiment's own windows, or every window (null). */
  experiment: string | null;
  /** Whether the reader may delete this window (global ones: admins; an experiment's: operators). */
  canDelete: (w: BlackoutWindow) => boolean;
  /** Names the experiment a window belongs to, in the all-windows list. */
  experimentNames?: Map<string, string>;
  empty: string;
  label: string;
};

const COLUMNS = ["Name", "When", "Applies to", "If a trial runs", "Now", "Next opens"];

export function BlackoutTable({ experiment, canDelete, experimentNames, empty, label }: Props) {
  const windows = useBlackouts(experiment);
  if (windows.isPending) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading windows…</p>;
  if (windows.isError) return <FormError message={`Could not load the windows: ${windows.error.message}`} />;
  if (windows.data.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <StackedTable label={label} columns={COLUMNS}>
      {windows.data.map((w) => (
        <BlackoutRow
          key={w.id}
          window={w}
          canDelete={canDelete(w)}
          experimentName={experimentNames?.get(w.experiment ?? "")}
        />
      ))}
    </StackedTable>
  );
}

function BlackoutRow({
  window: w,
  canDelete,
  experimentName,
}: {
  window: BlackoutWindow;
  canDelete: boolean;
  experimentName?: string;
}) {
  const remove = useDeleteBlackout(w.id);
  return (
    <tr className={stacked.row} data-testid="blackout-row" data-name={w.name}>
      <td className={`${stacked.cell} font-medium`} data-label="Name">
        <span className="min-w-0 break-words">{w.name}</span>
      </td>
      <td className={stacked.cell} data-label="When">
        <span className="min-w-0 break-words">
          {w.kind === "recurring" ? (
            w.description
          ) : (
            <>
              <Time iso={w.starts_at} /> to <Time iso={w.ends_at} />
            </>
          )}
        </span>
      </td>
      <td className={stacked.cell} data-label="Applies to">
        {w.experiment === null ? (
          "Every experiment"
        ) : (
          <Link href={`/experiments/${w.experiment}`} className="underline">
            {experimentName ?? "This experiment"}
          </Link>
        )}
      </td>
      <td className={stacked.cell} data-label="If a trial runs">
        {w.on_running === "stop" ? "Stop it" : "Let it finish"}
      </td>
      <td className={stacked.cell} data-label="Now">
        {w.open_now ? (
          <span
            data-testid="blackout-open"
            className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            Open: no chaos
          </span>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">Closed</span>
        )}
      </td>
      <td className={stacked.cell} data-label="Next opens">
        <Time iso={w.next_opens_at} empty={w.open_now ? "—" : "never again"} />
      </td>
      <td className={`${stacked.actions} md:text-right`}>
        {canDelete && (
          <ConfirmDelete
            label={`Delete ${w.name}`}
            question={`Delete “${w.name}”? Trials may start in it again.`}
            pending={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate()}
          />
        )}
      </td>
    </tr>
  );
}
