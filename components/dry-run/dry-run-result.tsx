import type { Plan } from "@/lib/trials/plan";
import { splitProblem } from "./problem-label";

const LIST_TITLES = { pre_steps: "Pre-steps", steps: "Steps", post_steps: "Post-steps", guards: "Guards" } as const;

/** What a dry run found: ok or the problems (each naming its step), then the plan as it would run. */
export function DryRunResult({ plan }: { plan: Plan }) {
  return (
    <div className="space-y-3 text-sm" data-testid="dry-run-result" data-ok={plan.ok}>
      {plan.ok ? (
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          <strong>OK:</strong> no problem found. Nothing was run and nothing was created.
        </p>
      ) : (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
        >
          <p>
            <strong>
              {plan.problems.length} {plan.problems.length === 1 ? "problem" : "problems"}
            </strong>{" "}
            would stop this trial (nothing was run and nothing was created):
          </p>
          <ul className="list-disc space-y-1 pl-5" data-testid="dry-run-problems">
            {plan.problems.map((p) => {
              const { where, path, what } = splitProblem(plan, p);
              return (
                <li key={p} className="break-words">
                  {where && (
                    <>
                      <strong>{where}</strong> <code className="font-mono text-xs">{path}</code>:{" "}
                    </>
                  )}
                  {what}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Signal</dt>
        <dd data-testid="dry-run-signal">{plan.signal}</dd>
        <dt className="font-medium">Blackout</dt>
        <dd data-testid="dry-run-blackout">{plan.blackout ?? "No window is open."}</dd>
        <dt className="font-medium">Revision</dt>
        <dd>{plan.experiment.revision}</dd>
      </dl>
      <details className="rounded-md border border-slate-200 dark:border-slate-700">
        <summary className="cursor-pointer px-3 py-2 font-medium">Resolved plan</summary>
        <div className="space-y-3 px-3 pb-3" data-testid="dry-run-plan">
          <PlanBlock title="Parameters" value={plan.parameters} />
          {(Object.keys(LIST_TITLES) as (keyof typeof LIST_TITLES)[]).map((list) =>
            plan.steps[list].length === 0 ? null : (
              <section key={list} aria-label={LIST_TITLES[list]} className="space-y-2">
                <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                  {LIST_TITLES[list]}
                </h4>
                <ol className="space-y-2">
                  {plan.steps[list].map((s) => (
                    <li key={s.index} className="space-y-1">
                      <p>
                        {s.index + 1}. {s.step ? `${s.step} · ` : ""}
                        <code className="font-mono text-xs">{s.do}</code>
                        {s.problems.length > 0 && (
                          <span className="ml-2 text-red-700 dark:text-red-300">
                            ({s.problems.length} {s.problems.length === 1 ? "problem" : "problems"})
                          </span>
                        )}
                      </p>
                      <PlanBlock value={s.where} />
                      {s.notes.map((n) => (
                        <p key={n} className="text-xs text-slate-600 dark:text-slate-400">
                          Not checked: {n}
                        </p>
                      ))}
                    </li>
                  ))}
                </ol>
              </section>
            ),
          )}
        </div>
      </details>
    </div>
  );
}

function PlanBlock({ title, value }: { title?: string; value: Record<string, unknown> }) {
  return (
    <div>
      {title && (
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h4>
      )}
      <pre className="max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950">
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
