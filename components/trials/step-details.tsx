import type { ReactNode } from "react";
import { Time } from "@/components/ui/time";
import { JsonBlock, LogLines } from "./log-lines";
import { type Bar, barDuration, LIST_TITLES, stepProgress } from "./timeline-model";

// The lines where the runner reports what the action returned and how its expectations went.
const RESULT_LINE =
  /\] (Result: |Succeeded\. All expectations|Step failed\. Type: ExpectationFailed|Expectation failed)/;

/** What one step did: its action, masked parameters, expectations and result lines, and its log. */
export function StepDetails({ bar, now }: { bar: Bar | undefined; now: number }) {
  if (!bar)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Select a step on the timeline to see its logs.</p>;
  const logs = bar.entry?.logs ?? [];
  const results = logs.filter((l) => RESULT_LINE.test(l));
  const progress = stepProgress(bar, now);
  return (
    <section aria-label="Step details" data-testid="step-details" className="space-y-4">
      <header className="space-y-1">
        <h2 className="text-lg font-semibold">
          {bar.label}{" "}
          <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
            {LIST_TITLES[bar.list]} #{bar.index + 1}
          </span>
        </h2>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <Item term="Action">
            <code className="font-mono">{bar.entry?.do ?? bar.definition?.do ?? "—"}</code>
          </Item>
          <Item term="Status">{bar.status}</Item>
          <Item term="Started">
            <Time iso={bar.entry?.started_at ?? null} />
          </Item>
          <Item term="Duration">
            {progress ? (
              <span className="inline-flex items-center gap-2">
                <progress
                  value={progress.elapsed}
                  max={progress.total}
                  aria-label="Step progress"
                  className="h-2 w-24 accent-sky-600"
                />
                <span data-testid="step-progress" className="tabular-nums">
                  {progress.elapsed} s of {progress.total} s
                </span>
              </span>
            ) : (
              barDuration(bar, now) || "—"
            )}
          </Item>
        </dl>
      </header>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <h3 className="text-sm font-semibold">Parameters</h3>
          <JsonBlock value={bar.entry?.step_parameters ?? bar.definition?.where} testId="step-parameters" />
        </div>
        <div className="min-w-0 space-y-1">
          <h3 className="text-sm font-semibold">Expectations</h3>
          <JsonBlock value={bar.definition?.expect} />
          {results.length > 0 && <LogLines lines={results} testId="step-results" />}
        </div>
      </div>
      <div className="space-y-1">
        <h3 className="text-sm font-semibold">Logs</h3>
        <LogLines
          lines={logs}
          testId="step-logs"
          empty={bar.status === "running" ? "No log lines yet: they show here as the step writes them." : undefined}
        />
      </div>
    </section>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt className="text-slate-600 dark:text-slate-400">{term}:</dt>
      <dd>{children}</dd>
    </div>
  );
}
