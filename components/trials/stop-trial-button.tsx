"use client";

import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { useStopTrial } from "./use-trials";

/** Stopping aborts the running step and runs the rollback: the first click asks, "Confirm stop" does it. */
export function StopTrialButton({ trialId }: { trialId: string }) {
  const stop = useStopTrial(trialId);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className={button.danger} onClick={() => setConfirming(true)}>
        Stop trial
      </button>
    );
  return (
    <fieldset aria-label="Confirm stopping this trial" className="flex flex-wrap items-center gap-2">
      <span className="text-sm">Stop it? Post-steps will still run.</span>
      <button
        type="button"
        className={button.danger}
        disabled={stop.isPending}
        onClick={() => stop.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      >
        {stop.isPending ? "Stopping…" : "Confirm stop"}
      </button>
      <button type="button" className={button.secondary} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <FormError message={stop.error?.message} />
    </fieldset>
  );
}
