"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { DryRunCheck } from "@/components/dry-run/dry-run-check";
import { useSignal } from "@/components/signal/use-signal";
import { useStartTrial } from "@/components/trials/use-trials";
import { FormError } from "@/components/ui/field";
import { button, input } from "@/components/ui/styles";
import { ApiError } from "@/lib/client/api-fetch";
import { flattenErrors } from "./api-errors";
import { BlackoutOverride, useOpenWindows } from "./blackout-override";
import { knownParameters, ParameterWarning, SignalWarning } from "./run-warnings";
import type { Experiment } from "./types";

/** The text as a parameters object, or why it is not one. */
function readParameters(text: string): { value: Record<string, unknown> } | { error: string } {
  let parsed: unknown;
  try {
    parsed = text.trim() ? JSON.parse(text) : {};
  } catch (err) {
    return { error: `Parameters are not valid JSON: ${(err as Error).message}` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { error: "Parameters must be a JSON object." };
  return { value: parsed as Record<string, unknown> };
}

const SUBMIT = { RUN: "Start trial", PAUSE: "Queue the trial", STOP: "Record a Skipped trial" };

/** Starts a trial now, with the experiment's parameters as the editable starting point. */
export function RunDialog({
  experiment,
  canOverride,
  onClose,
}: {
  experiment: Experiment;
  /** Admins may start a trial inside an open blackout window, with a reason. */
  canOverride: boolean;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const run = useStartTrial(experiment.id);
  const { data: signal } = useSignal();
  const [text, setText] = useState(() => JSON.stringify(experiment.parameters, null, 2));
  const [error, setError] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState("");
  const openWindows = useOpenWindows(experiment.id);
  const fieldId = useId();
  const known = useMemo(() => knownParameters(experiment), [experiment]);
  const typed = readParameters(text);
  const unknown = "value" in typed ? Object.keys(typed.value).filter((k) => !known.has(k)) : [];

  // showModal() gives the focus trap, Escape to cancel and the inert background.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ("error" in typed) return setError(typed.error);
    try {
      const overrideBlackout = canOverride && openWindows.length ? overrideReason.trim() : "";
      const trial = await run.mutateAsync({ parameters: typed.value, overrideBlackout: overrideBlackout || undefined });
      router.push(`/trials/${trial.id}`);
    } catch (err) {
      const fields = err instanceof ApiError && err.status === 400 ? flattenErrors(err.body) : {};
      const first = Object.entries(fields)[0];
      setError(first ? `${first[0]}: ${first[1]}` : err instanceof Error ? err.message : "Could not start the trial.");
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="run-dialog-title"
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <h2 id="run-dialog-title" className="text-lg font-semibold">
          Run “{experiment.name}” now?
        </h2>
        <SignalWarning signal={signal} />
        <BlackoutOverride
          windows={openWindows}
          canOverride={canOverride}
          reason={overrideReason}
          onReason={setOverrideReason}
        />
        <FormError message={error} />
        <div className="space-y-1">
          <label htmlFor={fieldId} className="block text-sm font-medium">
            Parameters (JSON)
          </label>
          <textarea
            id={fieldId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={8}
            spellCheck={false}
            className={`${input} font-mono text-xs`}
            aria-describedby={`${fieldId}-hint`}
          />
          <p id={`${fieldId}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            Override the experiment’s parameters for this trial only; they fill the steps’ {"{{ name }}"} placeholders.
          </p>
        </div>
        <ParameterWarning unknown={unknown} known={known} />
        <DryRunCheck
          experimentId={experiment.id}
          parameters={() => readParameters(text)}
          hint="Check first: a dry run with these parameters; nothing runs, no trial is created."
        />
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={button.secondary} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={button.primary} disabled={run.isPending}>
            {run.isPending ? "Starting…" : SUBMIT[signal?.state ?? "RUN"]}
          </button>
        </div>
      </form>
    </dialog>
  );
}
