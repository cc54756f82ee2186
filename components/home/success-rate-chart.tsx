import type { DayStats } from "@/components/trials/use-trials";

const WIDTH = 300;
const HEIGHT = 90;
const AXIS = 12; // room under the bars for the first and last dates

const percent = (rate: number | null) =>
  rate === null ? "no finished trials" : `${Math.round(rate * 100)}% succeeded`;
const rateOf = (d: DayStats) => (d.succeeded + d.failed ? d.succeeded / (d.succeeded + d.failed) : null);

/**
 * Trials per day as stacked bars (succeeded, failed, other) in plain SVG: no chart library for one
 * small picture. Each bar's <title> gives the exact numbers on hover and to screen readers.
 */
export function SuccessRateChart({ days, rate }: { days: DayStats[]; rate: number | null }) {
  const max = Math.max(1, ...days.map((d) => d.total));
  const slot = WIDTH / days.length;
  const scale = (n: number) => (n / max) * (HEIGHT - AXIS);
  const base = HEIGHT - AXIS;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="success-chart-title success-chart-desc"
      className="h-auto w-full"
      data-testid="success-chart"
    >
      <title id="success-chart-title">Trial outcomes per day, last {days.length} days</title>
      <desc id="success-chart-desc">
        {days.reduce((n, d) => n + d.total, 0)} trials; overall {percent(rate)}.
      </desc>
      <line
        x1={0}
        x2={WIDTH}
        y1={base}
        y2={base}
        className="stroke-slate-300 dark:stroke-slate-700"
        strokeWidth={0.5}
      />
      {days.map((d, i) => {
        const x = i * slot + slot * 0.15;
        const w = slot * 0.7;
        const ok = scale(d.succeeded);
        const bad = scale(d.failed);
        const other = scale(d.other);
        return (
          <g key={d.date} data-testid="chart-day" data-total={d.total}>
            <title>{`${d.date}: ${d.total} trials, ${d.succeeded} succeeded, ${d.failed} failed, ${d.other} other (${percent(rateOf(d))})`}</title>
            <rect x={x} width={w} y={base - ok} height={ok} className="fill-emerald-500" />
            <rect x={x} width={w} y={base - ok - bad} height={bad} className="fill-red-500" />
            <rect x={x} width={w} y={base - ok - bad - other} height={other} className="fill-slate-400" />
          </g>
        );
      })}
      <text x={0} y={HEIGHT - 2} fontSize={7} className="fill-slate-500">
        {days[0]?.date}
      </text>
      <text x={WIDTH} y={HEIGHT - 2} fontSize={7} textAnchor="end" className="fill-slate-500">
        {days.at(-1)?.date}
      </text>
    </svg>
  );
}
