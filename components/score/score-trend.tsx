import type { ExperimentStats } from "@/lib/trials/score";
import { scoreBar } from "./score-tone";

const day = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * One column per day (UTC, oldest first): its height is that day's score, a day without a scored
 * trial is a dot on the baseline. Boxes rather than SVG, like the history chart, so the labels keep
 * their size on a phone; each column's tooltip has the numbers and the summary is in the label.
 */
export function ScoreTrend({ trend }: { trend: ExperimentStats["trend"] }) {
  const days = trend.filter((d) => d.score !== null);
  const lowest = days.length ? Math.min(...days.map((d) => d.score as number)) : null;
  const label = days.length
    ? `Daily score over ${trend.length} days: ${days.length} days with trials, lowest ${lowest}, latest ${days.at(-1)?.score} on ${day(days.at(-1)?.date ?? "")}.`
    : `No scored trial in the last ${trend.length} days.`;
  return (
    <figure className="space-y-1 text-xs text-slate-600 dark:text-slate-400">
      <div
        role="img"
        aria-label={label}
        data-testid="score-trend"
        className="flex h-16 items-end gap-px border-b border-slate-300 dark:border-slate-700"
      >
        {trend.map((d) => (
          <div key={d.date} className="flex h-full flex-1 items-end justify-center" title={title(d)}>
            {d.score === null ? (
              <span className="mb-0.5 size-1 rounded-full bg-slate-300 dark:bg-slate-600" />
            ) : (
              <span
                data-testid="score-trend-day"
                data-date={d.date}
                data-score={d.score}
                className={`w-full max-w-3 rounded-t-sm ${scoreBar(d.score)}`}
                style={{ height: `${Math.max(4, d.score)}%` }}
              />
            )}
          </div>
        ))}
      </div>
      {trend.length > 0 && (
        <figcaption className="flex justify-between gap-2">
          <span>{day(trend[0].date)}</span>
          <span>{day(trend[trend.length - 1].date)}</span>
        </figcaption>
      )}
    </figure>
  );
}

const title = (d: ExperimentStats["trend"][number]) =>
  d.score === null
    ? `${d.date}: no scored trial`
    : `${d.date}: score ${d.score} from ${d.trials} ${d.trials === 1 ? "trial" : "trials"}`;
