import { DryRunCheck } from "@/components/dry-run/dry-run-check";
import type { ExperimentDefinition } from "@/components/experiments/types";

type Props = {
  experiment: ExperimentDefinition;
  otherErrors: [string, string][];
  /** The experiment as stored, when editing one: the Check button runs against it. */
  saved?: { id: string; dirty: boolean };
};

/** Exactly the body the Save button sends, and a dry run of the stored experiment. */
export function ReviewPage({ experiment, otherErrors, saved }: Props) {
  return (
    <div className="space-y-3">
      {otherErrors.length > 0 && (
        <ul role="alert" className="list-disc space-y-1 pl-5 text-sm text-red-700 dark:text-red-300">
          {otherErrors.map(([path, message]) => (
            <li key={path}>
              <code className="font-mono">{path}</code>: {message}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">This JSON is what will be sent to the API.</p>
      <pre
        data-testid="review-json"
        className="max-h-[32rem] overflow-auto rounded bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950"
      >
        {JSON.stringify(experiment, null, 2)}
      </pre>
      <section
        aria-labelledby="review-check-title"
        className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-700"
      >
        <h3 id="review-check-title" className="text-base font-semibold">
          Check (dry run)
        </h3>
        {saved ? (
          <DryRunCheck
            experimentId={saved.id}
            parameters={() => ({ value: {} })}
            hint={
              saved.dirty
                ? "Checks the experiment as saved, not your unsaved changes: save first to check them. Nothing runs."
                : "Resolves parameters, validates every step and guard, checks credentials and blackout windows. Nothing runs."
            }
          />
        ) : (
          // A dry run reads a stored experiment (POST /trial names it by id): a new one has none yet.
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="check-needs-save">
            A check runs against a saved experiment. Create it first, then use Check here (Edit) or in Run now: nothing
            runs until you start a trial.
          </p>
        )}
      </section>
    </div>
  );
}
