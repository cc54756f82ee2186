"use client";

import { useId } from "react";
import { type BlackoutWindow, useBlackouts } from "@/components/blackout/use-blackouts";
import { input } from "@/components/ui/styles";

/** The windows open now that hold this experiment: the global ones and its own (the list has every live window). */
export function useOpenWindows(experimentId: string): BlackoutWindow[] {
  const { data } = useBlackouts();
  return (data ?? []).filter((w) => w.open_now && (w.experiment === null || w.experiment === experimentId));
}

/**
 * A run inside an open blackout window is recorded Skipped, as the API does for every client; an
 * admin may start it anyway with a reason, which the audit trail keeps.
 */
export function BlackoutOverride({
  windows,
  canOverride,
  reason,
  onReason,
}: {
  windows: BlackoutWindow[];
  canOverride: boolean;
  reason: string;
  onReason: (reason: string) => void;
}) {
  const id = useId();
  if (!windows.length) return null;
  const names = windows.map((w) => `“${w.name}”`).join(", ");
  return (
    <div
      data-testid="run-blackout-warning"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        <strong>Blackout window {names} is open.</strong>{" "}
        {reason.trim()
          ? "The trial will start anyway, with your reason in the audit trail."
          : "The trial will be recorded as Skipped and will not run."}
      </p>
      {canOverride && (
        <div className="space-y-1">
          <label htmlFor={id} className="block text-xs font-medium">
            Start it anyway: why (admins only; audited)
          </label>
          <input
            id={id}
            value={reason}
            maxLength={500}
            onChange={(e) => onReason(e.target.value)}
            className={input}
            placeholder="e.g. incident INC-1234 needs the failover checked now"
          />
        </div>
      )}
    </div>
  );
}
