import { TIMELINE_COLUMNS } from "./timeline-bar";
import type { Axis } from "./timeline-model";
import type { GuardRecord, GuardState } from "./types";

type Props = { record: GuardRecord | undefined; axis: Axis | null };

/**
 * Under the steps, on the same time axis: one row per guard, a mark per check (green passed, red
 * failed), and a ring on the check that tripped the trial. The record keeps the latest 50 checks
 * of each guard; the counts cover all of them. The marks are drawn for the eye; the row's text
 * says the same for screen readers.
 */
export function GuardLane({ record, axis }: Props) {
  const guards = record?.guards ?? [];
  if (guards.length === 0) return null;
  return (
    <section
      aria-label="Guards"
      className="border-t border-slate-200 px-2 py-1 dark:border-slate-800"
      data-testid="guard-lane"
    >
      <h3 className="px-2 pt-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        Guards
      </h3>
      <ul>
        {guards.map((g) => (
          <GuardRow key={g.name} guard={g} axis={axis} tripped={record?.tripped?.name === g.name} />
        ))}
      </ul>
    </section>
  );
}

function GuardRow({ guard, axis, tripped }: { guard: GuardState; axis: Axis | null; tripped: boolean }) {
  const failed = guard.failures;
  const summary = `${guard.checks} ${guard.checks === 1 ? "check" : "checks"}, ${failed} failed${tripped ? `, tripped at ${clock(guard.tripped_at)}` : ""}`;
  const place = (iso: string) => {
    if (!axis) return null;
    const pct = ((Date.parse(iso) - axis.origin) / axis.span) * 100;
    return Math.max(0, Math.min(100, pct));
  };
  return (
    <li
      data-testid="guard-row"
      data-guard={guard.name}
      data-tripped={tripped}
      className={`grid h-8 ${TIMELINE_COLUMNS} items-center gap-3 rounded px-2 text-xs ${tripped ? "bg-red-50 dark:bg-red-950" : ""}`}
    >
      <span
        className="truncate font-medium"
        title={`${guard.name} (${guard.do}, every ${guard.interval_seconds} s, tolerance ${guard.tolerance})`}
      >
        {guard.name}
        <span className="sr-only">: {summary}</span>
      </span>
      <span className="relative h-4" aria-hidden="true">
        <span className="absolute inset-x-0 top-1/2 h-px bg-slate-200 dark:bg-slate-700" />
        {guard.history.map((c) => {
          // Without an axis (no step started) the marks have no place in time: they stack at the start.
          const left = place(c.at) ?? 0;
          const trip = tripped && c.at === guard.tripped_at;
          return (
            <span
              key={c.at}
              data-testid="guard-check"
              data-ok={c.ok}
              title={`${clock(c.at)}: ${c.ok ? "passed" : `failed: ${c.message ?? ""}`}`}
              className={`absolute inset-y-0 w-1 -translate-x-1/2 rounded-sm ${c.ok ? "bg-emerald-500" : "bg-red-600"} ${trip ? "ring-2 ring-red-600 ring-offset-1 dark:ring-offset-slate-900" : ""}`}
              style={{ left: `${left}%` }}
            />
          );
        })}
        {guard.history.length === 0 && (
          <span className="absolute inset-y-0 left-0 text-[11px] text-slate-600 dark:text-slate-400">no check yet</span>
        )}
      </span>
      <span
        className={`text-right tabular-nums ${failed ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}
        aria-hidden="true"
      >
        {guard.checks - failed}/{guard.checks}
      </span>
    </li>
  );
}

/** 14:03:27 in the reader's zone: checks are seconds apart, so the seconds matter. */
export const clock = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) : "—";
