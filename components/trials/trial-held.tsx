"use client";

import { useSignal } from "@/components/signal/use-signal";
import { Time } from "@/components/ui/time";
import type { Trial } from "./types";

/** Why a queued or running trial is not moving: the global PAUSE holds it (said with who and why). */
export function TrialHeld({ trial }: { trial: Trial }) {
  const { data: signal } = useSignal();
  if (signal?.state !== "PAUSE") return null;
  const what =
    trial.status === "Scheduled"
      ? "This trial waits to start"
      : trial.status === "In Progress"
        ? "This trial finishes its current step, then waits"
        : null;
  if (!what) return null;
  return (
    <p
      data-testid="trial-held"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <strong>Held by PAUSE.</strong> {what} until the signal is back to RUN. PAUSE was set by {signal.set_by}
      {signal.set_at && (
        <>
          {" "}
          on <Time iso={signal.set_at} />
        </>
      )}
      {signal.reason ? `: “${signal.reason}”` : ""}.
    </p>
  );
}
