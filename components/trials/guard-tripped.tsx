import { clock } from "./guard-lane";
import type { GuardRecord } from "./types";

/** When a guard stopped the trial: which one, when, and what it saw, before anything else. */
export function GuardTripped({ record }: { record: GuardRecord | undefined }) {
  const tripped = record?.tripped;
  if (!tripped) return null;
  const state = record?.guards?.find((g) => g.name === tripped.name);
  return (
    <div
      data-testid="guard-tripped"
      className="space-y-1 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="text-base font-semibold">
        Stopped by the guard “<span data-testid="guard-tripped-name">{tripped.name}</span>” at{" "}
        <time dateTime={tripped.at} title={tripped.at}>
          {clock(tripped.at)}
        </time>
      </p>
      <p>
        It saw:{" "}
        <span className="break-words font-mono text-xs" data-testid="guard-tripped-saw">
          {tripped.saw}
        </span>
      </p>
      {state && (
        <p className="text-xs">
          {state.do}, every {state.interval_seconds} s; {state.failures} of {state.checks} checks failed, more than{" "}
          {state.tolerance} in a row stops the trial. The running step was aborted and the post-steps ran.
        </p>
      )}
    </div>
  );
}
