import { formatDuration } from "@/components/trials/format";
import type { Trial } from "@/components/trials/types";

const OUTCOME: Record<string, string> = {
  Succeeded: "bg-emerald-600",
  Failed: "bg-red-600",
  Aborted: "bg-orange-600",
  Invalid: "bg-red-600",
  Stopped: "bg-zinc-500",
  Skipped: "bg-slate-300 dark:bg-slate-600",
};
/** Bars keep a readable width when there are few trials: the plot has at least this many slots. */
const MIN_SLOTS = 12;

export const durationMs = (t: Trial) =>
  t.executed_at && t.completed_at ? Math.max(0, Date.parse(t.completed_at) - Date.parse(t.executed_at)) : 0;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: "short", day: "numeric" });

/**
 * One bar per finished trial, oldest on the left: its height is how long it ran, its colour how it
 * ended; a dashed line marks where a new revision of the experiment took over. Drawn with boxes
 * rather than SVG so its labels keep their size on a phone; each bar's tooltip has the numbers.
 */
export function HistoryChart({ trials }: { trials: Trial[] }) {
  const max = Math.max(1000, ...trials.map(durationMs));
  const ok = trials.filter((t) => t.status === "Succeeded").length;
  const slots = Math.max(trials.length, MIN_SLOTS);
  return (
    <figure className="space-y-1 text-xs text-slate-600 dark:text-slate-400">
      <div
        role="img"
        aria-label={`Outcome and duration of each trial, oldest first: ${trials.length} trials, ${ok} succeeded, the longest ${formatDuration(max)}.`}
        data-testid="history-chart"
        className="relative"
      >
        <span className="absolute top-0 left-0 tabular-nums">{formatDuration(max)}</span>
        <div className="flex h-32 items-end border-b border-slate-300 pt-5 dark:border-slate-700">
          {trials.map((t, i) => {
            const newRevision = i > 0 && trials[i - 1].experiment_revision !== t.experiment_revision;
            return (
              <div
                key={t.id}
                className={`relative flex h-full items-end justify-center ${newRevision ? "border-l border-dashed border-slate-400" : ""}`}
                style={{ width: `${100 / slots}%` }}
              >
                {newRevision && (
                  <span className="absolute top-0 left-1 whitespace-nowrap">rev {t.experiment_revision}</span>
                )}
                <div
                  data-testid="history-point"
                  data-status={t.status}
                  data-x={i}
                  data-duration-ms={durationMs(t)}
                  title={`${t.status}, ${formatDuration(durationMs(t))}, revision ${t.experiment_revision}, ${new Date(t.created_at).toLocaleString()}`}
                  className={`w-[70%] rounded-t-sm ${OUTCOME[t.status] ?? "bg-slate-400"}`}
                  style={{ height: `${Math.max(2, (durationMs(t) / max) * 100)}%` }}
                />
              </div>
            );
          })}
        </div>
      </div>
      {trials.length > 0 && (
        <figcaption className="flex justify-between gap-2">
          <span>{day(trials[0].created_at)}</span>
          <span>{day(trials[trials.length - 1].created_at)}</span>
        </figcaption>
      )}
    </figure>
  );
}
