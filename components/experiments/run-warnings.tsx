import { HALT_EFFECT } from "@/components/signal/signal-banner";
import type { Signal } from "@/components/signal/use-signal";
import { missingParameters } from "@/lib/trials/template";
import type { Experiment } from "./types";

/** Names a trial's parameters can usefully set: the experiment's own and those its steps use. */
export function knownParameters(experiment: Experiment): Set<string> {
  const used = missingParameters(
    [experiment.pre_steps, experiment.steps, experiment.post_steps, experiment.guards ?? []],
    {},
  );
  return new Set([...Object.keys(experiment.parameters), ...used.map((name) => name.split(".")[0])]);
}

/** What Run now will do while the signal is not RUN: said before the person confirms. */
export function SignalWarning({ signal }: { signal: Signal | undefined }) {
  if (!signal || signal.state === "RUN") return null;
  const outcome =
    signal.state === "STOP"
      ? "The trial will be recorded as Skipped and will not run."
      : "The trial will be queued and will wait until the signal is back to RUN.";
  return (
    <div
      data-testid="run-signal-warning"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        <strong>{signal.state} holds</strong> (set by {signal.set_by}
        {signal.reason ? `: “${signal.reason}”` : ""}). {outcome}
      </p>
      <p className="mt-1 text-xs">{HALT_EFFECT[signal.state]}</p>
    </div>
  );
}

/** A parameter nothing reads is most likely misspelt; the API accepts it (as Kallisti does), so warn only. */
export function ParameterWarning({ unknown, known }: { unknown: string[]; known: Set<string> }) {
  if (!unknown.length) return null;
  const names = unknown.map((n) => `“${n}”`).join(", ");
  return (
    <p
      role="status"
      data-testid="run-parameter-warning"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {names} {unknown.length === 1 ? "is not a parameter" : "are not parameters"} of this experiment
      {known.size ? ` (it has ${[...known].map((n) => `“${n}”`).join(", ")})` : " (it has none)"}: passed along, but no
      step uses {unknown.length === 1 ? "it" : "them"}.
    </p>
  );
}
