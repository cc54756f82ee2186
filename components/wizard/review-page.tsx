import type { ExperimentDefinition } from "@/components/experiments/types";

/** Exactly the body the Save button sends. */
export function ReviewPage({
  experiment,
  otherErrors,
}: {
  experiment: ExperimentDefinition;
  otherErrors: [string, string][];
}) {
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
    </div>
  );
}
