import { formatDuration } from "@/components/trials/format";
import type { Trial } from "@/components/trials/types";

const WIDTH = 600;
const HEIGHT = 140;
const TOP = 14; // room for the longest duration's label
const BOTTOM = 16; // room for the first and last dates
const OUTCOME: Record<string, string> = {
  Succeeded: "fill-emerald-600",
  Failed: "fill-red-600",
  Aborted: "fill-orange-600",
  Invalid: "fill-red-600",
  Stopped: "fill-zinc-500",
  Skipped: "fill-slate-300 dark:fill-slate-600",
};

export const durationMs = (t: Trial) =>
  t.executed_at && t.completed_at ? Math.max(0, Date.parse(t.completed_at) - Date.parse(t.executed_at)) : 0;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: "short", day: "numeric" });

/**
 * One bar per finished trial, oldest on the left: its height is how long it ran, its colour how it
 * ended; a dashed line marks where a new revision of the experiment took over. Plain SVG; each
 * bar's <title> gives the exact numbers.
 */
export function HistoryChart({ trials }: { trials: Trial[] }) {
  const max = Math.max(1000, ...trials.map(durationMs));
  const slot = WIDTH / Math.max(trials.length, 1);
  const base = HEIGHT - BOTTOM;
  const scale = (ms: number) => (ms / max) * (base - TOP);
  const ok = trials.filter((t) => t.status === "Succeeded").length;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Outcome and duration of each trial, oldest first: ${trials.length} trials, ${ok} succeeded, the longest ${formatDuration(max)}.`}
      className="h-auto w-full text-slate-600 dark:text-slate-400"
      data-testid="history-chart"
    >
      <line
        x1={0}
        x2={WIDTH}
        y1={base}
        y2={base}
        className="stroke-slate-300 dark:stroke-slate-700"
        strokeWidth={0.5}
      />
      <text x={0} y={10} fontSize={9} className="fill-current">
        {formatDuration(max)}
      </text>
      {trials.map((t, i) => {
        const x = i * slot + slot * 0.15;
        const h = Math.max(2, scale(durationMs(t)));
        const newRevision = i > 0 && trials[i - 1].experiment_revision !== t.experiment_revision;
        return (
          <g key={t.id}>
            {newRevision && (
              <>
                <line
                  x1={i * slot}
                  x2={i * slot}
                  y1={TOP}
                  y2={base}
                  strokeDasharray="3 3"
                  className="stroke-slate-400"
                  strokeWidth={1}
                />
                <text x={i * slot + 3} y={TOP + 8} fontSize={8} className="fill-current">
                  rev {t.experiment_revision}
                </text>
              </>
            )}
            <rect
              data-testid="history-point"
              data-status={t.status}
              data-x={x}
              data-duration-ms={durationMs(t)}
              x={x}
              width={Math.max(1, slot * 0.7)}
              y={base - h}
              height={h}
              rx={1}
              className={OUTCOME[t.status] ?? "fill-slate-400"}
            >
              <title>{`${t.status}, ${formatDuration(durationMs(t))}, revision ${t.experiment_revision}, ${new Date(t.created_at).toLocaleString()}`}</title>
            </rect>
          </g>
        );
      })}
      {trials.length > 0 && (
        <>
          <text x={0} y={HEIGHT - 3} fontSize={9} className="fill-current">
            {day(trials[0].created_at)}
          </text>
          <text x={WIDTH} y={HEIGHT - 3} fontSize={9} textAnchor="end" className="fill-current">
            {day(trials[trials.length - 1].created_at)}
          </text>
        </>
      )}
    </svg>
  );
}
