import type { TrialStatus } from "@/lib/trials/statuses";

/** One colour per trial outcome, everywhere a status shows (home, lists, detail). */
const TRIAL_COLOURS: Record<TrialStatus, string> = {
  Succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  Failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  Invalid: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  Aborted: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  "In Progress": "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  Stopped: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  "Stop Initiated": "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  Skipped:
    "bg-slate-100 text-slate-600 ring-1 ring-slate-300 ring-inset dark:bg-slate-900 dark:text-slate-400 dark:ring-slate-700",
  Scheduled: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
};

/** The colour repeats the word, never replaces it, so the status reads without colour too. */
export function StatusBadge({ status }: { status: TrialStatus }) {
  return (
    <span
      data-testid="trial-status"
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TRIAL_COLOURS[status] ?? ""}`}
    >
      {status}
    </span>
  );
}
