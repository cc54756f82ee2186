"use client";

import { useState } from "react";
import { SignalDialog } from "./signal-dialog";
import { SIGNAL_STATES, type Signal, type SignalState, useSignal } from "./use-signal";

export const SIGNAL_COLOURS: Record<SignalState, string> = {
  RUN: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  PAUSE: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  STOP: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

/** The global signal in the header: everyone sees it; operators and admins can change it. */
export function SignalControl({ canOperate, initial }: { canOperate: boolean; initial?: Signal }) {
  const { data: signal, isError } = useSignal(initial);
  const [target, setTarget] = useState<SignalState | null>(null);
  const detail = signal?.set_at ? `Set by ${signal.set_by}${signal.reason ? `: ${signal.reason}` : ""}` : undefined;

  return (
    <fieldset className="m-0 flex min-w-0 items-center gap-2 border-0 p-0 text-sm">
      <legend className="sr-only">Global signal</legend>
      <span aria-hidden="true" className="text-slate-600 dark:text-slate-400">
        Signal
      </span>
      <span
        data-testid="signal-state"
        title={detail}
        aria-live="polite"
        className={`rounded-full px-2 py-0.5 text-xs font-semibold ${signal ? SIGNAL_COLOURS[signal.state] : "bg-slate-100 text-slate-600 dark:text-slate-400 dark:bg-slate-800"}`}
      >
        {signal?.state ?? (isError ? "unknown" : "…")}
      </span>
      {canOperate && (
        <div className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
          {SIGNAL_STATES.map((state) => (
            <button
              key={state}
              type="button"
              data-testid={`signal-set-${state}`}
              aria-pressed={signal?.state === state}
              title={`Set the global signal to ${state}`}
              onClick={() => setTarget(state)}
              className="border-l border-slate-300 px-2 py-0.5 text-xs font-medium first:border-l-0 hover:bg-slate-100 focus-visible:relative focus-visible:outline-2 focus-visible:outline-sky-500 aria-pressed:bg-slate-900 aria-pressed:text-white dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
            >
              {state}
            </button>
          ))}
        </div>
      )}
      {target && <SignalDialog target={target} onClose={() => setTarget(null)} />}
    </fieldset>
  );
}
