"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { Field, FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { ApiError } from "@/lib/client/api-fetch";
import { type SignalState, useSetSignal } from "./use-signal";

const EFFECT: Record<SignalState, string> = {
  RUN: "Trials and schedules run normally again.",
  PAUSE: "Running trials finish their current step, then wait before the next step or trial until RUN.",
  STOP: "Running trials are stopped inside their step, queued trials are stopped, and schedule firings are skipped while STOP holds.",
};

/** Confirms a signal change; PAUSE and STOP need a reason, since they halt everyone's experiments. */
export function SignalDialog({ target, onClose }: { target: SignalState; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const setSignal = useSetSignal();
  const [error, setError] = useState<string | null>(null);
  const reasonRequired = target !== "RUN";

  // showModal() gives the focus trap, Escape to cancel and the inert background for free.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (reasonRequired && !reason) return setError(`Give a reason for ${target}.`);
    try {
      await setSignal.mutateAsync({ state: target, reason });
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not change the signal.");
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="signal-dialog-title"
      onClose={onClose}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <h2 id="signal-dialog-title" className="text-lg font-semibold">
          Set the global signal to {target}?
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{EFFECT[target]}</p>
        <FormError message={error} />
        <Field
          label={reasonRequired ? "Reason" : "Reason (optional)"}
          name="reason"
          required={reasonRequired}
          maxLength={500}
          autoFocus
          placeholder={reasonRequired ? "e.g. incident INC-123 in progress" : undefined}
        />
        <div className="flex justify-end gap-2">
          <button type="button" className={button.secondary} onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={target === "STOP" ? button.danger : button.primary}
            disabled={setSignal.isPending}
          >
            Confirm {target}
          </button>
        </div>
      </form>
    </dialog>
  );
}
