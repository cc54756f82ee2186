"use client";

import { useSignal } from "@/components/signal/use-signal";

const WHAT: Record<"PAUSE" | "STOP", string> = {
  STOP: "are recorded as Skipped: nothing runs",
  PAUSE: "queue trials that wait to start",
};

/** On the schedule form and before a resume: what this schedule's firings will do while the signal holds. */
export function HaltNotice({ compact = false }: { compact?: boolean }) {
  const { data: signal } = useSignal();
  if (!signal || signal.state === "RUN") return null;
  return (
    <p
      data-testid="schedule-halt-notice"
      className={`rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100 ${compact ? "text-xs" : "text-sm"}`}
    >
      <strong>{signal.state} holds</strong> (set by {signal.set_by}
      {signal.reason ? `: “${signal.reason}”` : ""}): until the signal is back to RUN, this schedule's firings{" "}
      {WHAT[signal.state]}.
    </p>
  );
}
