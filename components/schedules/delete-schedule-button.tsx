"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { button } from "@/components/ui/styles";
import { useDeleteSchedule } from "./use-schedules";

/** Two clicks, the second on "Confirm delete": deleting stops all future runs of the schedule. */
export function DeleteScheduleButton({ experimentId, scheduleId }: { experimentId: string; scheduleId: string }) {
  const router = useRouter();
  const remove = useDeleteSchedule(experimentId, scheduleId);
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <button type="button" className={button.danger} onClick={() => setConfirming(true)}>
        Delete
      </button>
    );
  }
  return (
    <fieldset className="m-0 inline-flex flex-wrap items-center gap-2 border-0 p-0 text-sm">
      <legend className="sr-only">Confirm deletion</legend>
      <span>Delete this schedule? Its future runs are cancelled.</span>
      <button
        type="button"
        className={button.danger}
        disabled={remove.isPending}
        onClick={() => remove.mutate(undefined, { onSuccess: () => router.push("/schedules") })}
      >
        Confirm delete
      </button>
      <button type="button" className={button.secondary} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {remove.error && (
        <span role="alert" className="text-red-600 dark:text-red-400">
          {remove.error.message}
        </span>
      )}
    </fieldset>
  );
}
