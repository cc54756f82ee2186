"use client";

import type { Preview } from "./types";
import { formatRun } from "./format";

type Props = {
  /** No pattern (or zone) typed: nothing to preview, and no old answer shown. */
  empty: boolean;
  preview: Preview | undefined;
  isPending: boolean;
  isError: boolean;
  settling: boolean;
};

/**
 * The next runs in the schedule's zone (and the viewer's), with the server's human description.
 * Times are shown in the zone the preview was computed for, never a half-typed one (which would throw).
 */
export function PreviewPanel({ empty, preview, isPending, isError, settling }: Props) {
  return (
    <section
      aria-labelledby="preview-title"
      aria-busy={settling || isPending}
      className="space-y-3 self-start rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-950"
    >
      <h2 id="preview-title" className="text-sm font-semibold">
        Next 10 runs
      </h2>
      {empty ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Enter a pattern and a time zone to see the next runs.
        </p>
      ) : isError ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Fix the pattern or time zone to see the runs.</p>
      ) : !preview ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading preview…</p>
      ) : (
        <>
          <p data-testid="preview-description" aria-live="polite" className="font-medium">
            {preview.description}
          </p>
          {preview.next_runs.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">This pattern never fires.</p>
          ) : (
            <ol className="space-y-1 text-sm" data-testid="preview-runs">
              {preview.next_runs.map((run) => (
                <li
                  key={run.utc}
                  data-local={run.local}
                  data-blackout={run.blackout ?? undefined}
                  className="flex flex-wrap justify-between gap-x-3"
                >
                  <time dateTime={run.utc}>{formatRun(run.utc, preview.timezone)}</time>
                  <span className="text-xs text-slate-600 dark:text-slate-400">yours: {formatRun(run.utc)}</span>
                  {run.blackout && (
                    <span
                      className="w-full text-xs font-medium text-red-700 dark:text-red-400"
                      data-testid="preview-blackout"
                    >
                      Skipped: blackout window “{run.blackout}”
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
