"use client";

import { useState } from "react";
import { button } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import { SignalDialog } from "./signal-dialog";
import { type Signal, useSignal } from "./use-signal";

/** What holds while the signal is not RUN, in the words of what a person is about to do. */
export const HALT_EFFECT: Record<"PAUSE" | "STOP", string> = {
  PAUSE:
    "Running trials hold before their next step, and new and scheduled trials wait, until the signal is back to RUN.",
  STOP: "New trials are recorded as Skipped and schedule firings are skipped until the signal is back to RUN.",
};

/**
 * Across every page while PAUSE or STOP holds: who set it, when and why, and what it does, so
 * nobody starts a trial wondering why it does not run. Operators can go back to RUN from here.
 */
export function SignalBanner({ initial, canOperate }: { initial?: Signal; canOperate: boolean }) {
  const { data: signal } = useSignal(initial);
  const [confirming, setConfirming] = useState(false);
  if (!signal || signal.state === "RUN") return null;
  const stop = signal.state === "STOP";
  return (
    <section
      aria-label={`Global signal: ${signal.state}`}
      data-testid="signal-banner"
      className={
        stop
          ? "border-b border-red-800 bg-red-700 text-white"
          : "border-b border-amber-300 bg-amber-100 text-amber-950 dark:border-amber-700 dark:bg-amber-900 dark:text-amber-50"
      }
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p role="status">
          <strong>{signal.state} holds.</strong> Set by {signal.set_by}
          {signal.set_at && (
            <>
              {" "}
              on <Time iso={signal.set_at} />
            </>
          )}
          {signal.reason ? `: “${signal.reason}”` : ""}. {HALT_EFFECT[signal.state]}
        </p>
        {canOperate && (
          <button type="button" onClick={() => setConfirming(true)} className={`${button.secondary} border-current`}>
            Back to RUN…
          </button>
        )}
      </div>
      {confirming && <SignalDialog target="RUN" onClose={() => setConfirming(false)} />}
    </section>
  );
}
