"use client";

import YAML from "yaml";
import { formatRun } from "@/components/schedules/format";
import type { ImportResult } from "./use-import";

const SOURCE: Record<ImportResult["source"], string> = {
  eris: "an Eris experiment export",
  "chaos-mesh-schedule": "a Chaos Mesh Schedule: one experiment with one Chaos Mesh step, and a schedule",
  "chaos-mesh-object": "a Chaos Mesh chaos object: one experiment with one Chaos Mesh step",
};

type Schedule = NonNullable<ImportResult["schedule"]>;

const settings = (s: Schedule) =>
  [
    `Concurrency ${s.concurrency_policy}`,
    `history limit ${s.history_limit ?? "none (keep all)"}`,
    `starting deadline ${s.starting_deadline_seconds === null ? "none" : `${s.starting_deadline_seconds} s`}`,
    ...(s.paused ? ["paused (the pause annotation)"] : []),
  ].join("; ");

const term = "text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

/** What the import will create, from the API's dry run: the experiment, its steps, the schedule. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const { experiment, schedule } = result;
  const lists = (["pre_steps", "steps", "post_steps"] as const).filter((l) => experiment[l].length);
  return (
    <section aria-labelledby="import-preview-title" data-testid="import-preview" className="space-y-4">
      <div>
        <h2 id="import-preview-title" className="text-base font-semibold">
          Will be created
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="import-source">
          Read as {SOURCE[result.source]}.
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className={term}>Experiment</dt>
        <dd data-testid="import-experiment-name" className="font-medium">
          {experiment.name}
        </dd>
        {experiment.description ? (
          <>
            <dt className={term}>Description</dt>
            <dd className="text-sm">{experiment.description}</dd>
          </>
        ) : null}
      </dl>
      {lists.map((list) => (
        <div key={list} className="space-y-2">
          <h3 className={term}>{list.replace("_", " ")}</h3>
          <ol className="space-y-2" data-testid={`import-${list}`}>
            {experiment[list].map((step, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; their order is their identity
              <li key={`${list}-${i}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                <p className="text-sm font-medium">
                  {step.step ? `${step.step} · ` : ""}
                  <code className="font-mono">{step.do}</code>
                </p>
                <pre className="mt-2 overflow-x-auto text-xs text-slate-600 dark:text-slate-400">
                  {YAML.stringify(step.where).trimEnd()}
                </pre>
              </li>
            ))}
          </ol>
        </div>
      ))}
      {result.warnings.length ? (
        <div className="space-y-1" data-testid="import-warnings">
          <h3 className={term}>Will save, but a step will fail when run</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm text-amber-800 dark:text-amber-300">
            {result.warnings.map((w) => (
              <li key={`${w.field}:${w.message}`}>
                <code className="font-mono">{w.field}</code>: {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {schedule ? (
        <div className="space-y-2" data-testid="import-schedule">
          <h3 className={term}>Schedule</h3>
          <p className="text-sm">
            <code className="font-mono">{schedule.recurrence_pattern}</code> —{" "}
            <span data-testid="import-schedule-description">{schedule.description}</span> ({schedule.timezone})
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{settings(schedule)}</p>
          <h4 className={term}>Next runs, in {schedule.timezone}</h4>
          <ol className="space-y-1 text-sm" data-testid="import-next-runs" aria-label="Next runs">
            {result.next_runs.map((run) => (
              <li key={run.utc} data-local={run.local}>
                <time dateTime={run.utc}>{formatRun(run.utc, schedule.timezone)}</time>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
