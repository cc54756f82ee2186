"use client";

import { button } from "@/components/ui/styles";
import type { Schedule } from "./types";
import { useSetPaused } from "./use-schedules";

type Props = { schedule: Pick<Schedule, "id" | "experiment_id" | "paused">; label: string };

/** Pause or resume with PATCH {"paused"}; resuming counts from now, as the runner does. */
export function PauseButton({ schedule, label }: Props) {
  const setPaused = useSetPaused(schedule);
  const action = schedule.paused ? "Resume" : "Pause";
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        className={button.secondary}
        aria-label={`${action} ${label}`}
        disabled={setPaused.isPending}
        onClick={() => setPaused.mutate(!schedule.paused)}
      >
        {action}
      </button>
      {setPaused.error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {setPaused.error.message}
        </span>
      )}
    </span>
  );
}
