"use client";

import type { RunnerStatus } from "@/lib/runner/status";
import { useRunnerStatus } from "./use-runner";

const ago = (ms: number) => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/** A warning across every page while no runner holds the lease: nothing queued or scheduled runs then. */
export function RunnerBanner({ initial }: { initial: RunnerStatus }) {
  const { data } = useRunnerStatus(initial);
  if (!data || data.active) return null;
  return (
    <div
      role="alert"
      data-testid="no-runner"
      className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <div className="mx-auto max-w-6xl">
        <strong>No runner is running.</strong> Queued trials and schedule firings wait until one takes over
        {data.heartbeat_age_ms !== null
          ? ` (the last one, ${data.holder}, was last heard from ${ago(data.heartbeat_age_ms)} ago).`
          : " (none has started yet)."}
      </div>
    </div>
  );
}
