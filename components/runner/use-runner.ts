import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { RunnerStatus } from "@/lib/runner/status";

export const runnerKeys = { status: ["runner"] as const };

/** The runner's lease and heartbeat, polled so a dead runner shows within seconds. */
export function useRunnerStatus(initial?: RunnerStatus) {
  return useQuery({
    queryKey: runnerKeys.status,
    queryFn: () => apiFetch<RunnerStatus>("/api/v1/runner"),
    refetchInterval: 5_000,
    initialData: initial,
  });
}
