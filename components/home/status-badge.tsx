import type { TrialStatus } from "./use-home-data";

const COLOURS: Record<TrialStatus, string> = {
  Succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  Failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  Invalid: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  Aborted: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  "In Progress": "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  "Stop Initiated": "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  Scheduled: "bg-sky-50 text-sky-700 dark:bg-sky-950 dark:text-sky-300",
  Stopped: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
  Skipped: "bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400",
};

/** The colour repeats the word, never replaces it, so the status reads without colour too. */
export function StatusBadge({ status }: { status: TrialStatus }) {
  return (
    <span
      data-testid="trial-status"
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${COLOURS[status] ?? COLOURS.Skipped}`}
    >
      {status}
    </span>
  );
}
