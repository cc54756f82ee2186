"use client";

import { useState } from "react";
import { useSignal } from "@/components/signal/use-signal";
import { button } from "@/components/ui/styles";
import { HaltNotice } from "./halt-notice";
import type { Schedule } from "./types";
import { useSetPaused } from "./use-schedules";

type Props = { schedule: Pick<Schedule, "id" | "experiment_id" | "paused">; label: string };

/**
 * Pause or resume with PATCH {"paused"}; resuming counts from now, as the runner does. While PAUSE
 * or STOP holds, Resume first says what the schedule's firings will do, and asks.
 */
export function PauseButton({ schedule, label }: Props) {
  const setPaused = useSetPaused(schedule);
  const { data: signal } = useSignal();
  const [confirming, setConfirming] = useState(false);
  const action = schedule.paused ? "Resume" : "Pause";
  const halted = schedule.paused && signal !== undefined && signal.state !== "RUN";
  const act = () => setPaused.mutate(!schedule.paused, { onSettled: () => setConfirming(false) });

  if (confirming)
    return (
      <span className="inline-flex max-w-xs flex-col items-stretch gap-2 text-left">
        <HaltNotice compact />
        <span className="flex flex-wrap gap-2">
          <button type="button" className={button.primary} onClick={act} disabled={setPaused.isPending}>
            Resume anyway
          </button>
          <button type="button" className={button.secondary} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      </span>
    );
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        className={button.secondary}
        aria-label={`${action} ${label}`}
        disabled={setPaused.isPending}
        onClick={() => (halted ? setConfirming(true) : act())}
      >
        {action}
      </button>
      {setPaused.error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {setPaused.error.message}
        </span>
      )}
    </span>
  );
}
