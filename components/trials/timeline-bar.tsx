import { memo } from "react";
import type { BarStatus } from "./timeline-model";

/** The label, axis and duration columns, shared by the axis header and every row. */
export const TIMELINE_COLUMNS = "grid-cols-[7rem_1fr_3.5rem] sm:grid-cols-[12rem_1fr_5rem]";

export const BAR_COLOURS: Record<BarStatus, string> = {
  running: "bg-sky-500 animate-pulse",
  succeeded: "bg-emerald-500",
  failed: "bg-red-500",
  stopped: "bg-zinc-400",
  interrupted: "bg-orange-500",
  pending: "border border-dashed border-slate-400 bg-transparent dark:border-slate-500",
  "not run": "border border-dashed border-slate-200 bg-transparent dark:border-slate-700",
};

type Props = {
  barKey: string;
  label: string;
  status: BarStatus;
  duration: string;
  left: number | null;
  width: number | null;
  /** Percent of the axis a running step of known length still has to go. */
  remaining: number;
  selected: boolean;
  onSelect: (key: string) => void;
};

/**
 * One row: the step's name, then its bar on the shared time axis. Only primitives come in, so
 * with memo a poll or a tick re-renders just the rows whose numbers changed.
 */
export const TimelineBar = memo(function TimelineBar(props: Props) {
  const { barKey, label, status, duration, left, width, remaining, selected, onSelect } = props;
  const placed = left !== null && width !== null;
  return (
    <li className="[contain-intrinsic-size:auto_2rem] [content-visibility:auto]">
      <button
        type="button"
        data-testid="timeline-bar"
        data-key={barKey}
        data-status={status}
        aria-pressed={selected}
        onClick={() => onSelect(barKey)}
        className={`grid h-8 w-full ${TIMELINE_COLUMNS} items-center gap-3 rounded px-2 text-left text-xs focus-visible:outline-2 focus-visible:outline-sky-500 ${
          selected
            ? "bg-sky-50 ring-1 ring-sky-300 dark:bg-sky-950 dark:ring-sky-800"
            : "hover:bg-slate-50 dark:hover:bg-slate-800"
        }`}
      >
        <span className="truncate font-medium" title={label}>
          {label}
        </span>
        <span className="relative h-4">
          <span
            className={`absolute inset-y-0 rounded-sm ${BAR_COLOURS[status]}`}
            style={placed ? { left: `${left}%`, width: `max(3px, ${width}%)` } : { left: 0, right: 0 }}
          />
          {placed && remaining > 0 && (
            <span
              aria-hidden="true"
              data-testid="bar-remaining"
              className="absolute inset-y-0 rounded-r-sm border border-dashed border-sky-400 dark:border-sky-600"
              style={{ left: `${(left ?? 0) + (width ?? 0)}%`, width: `${remaining}%` }}
            />
          )}
        </span>
        <span className="text-right tabular-nums text-slate-600 dark:text-slate-400">{duration || status}</span>
        {/* The name is the visible text (label, then duration) and then the status, for screen readers. */}
        {duration && <span className="sr-only">, {status}</span>}
      </button>
    </li>
  );
});
