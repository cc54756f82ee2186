import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import { RUNNING_STATUSES, type TrialStatus } from "@/lib/trials/statuses";

/** Home polls every 10 s so running trials and fresh outcomes show up without a reload. */
export const HOME_POLL_MS = 10_000;

export type TrialSummary = {
  id: string;
  experiment: string;
  status: TrialStatus;
  executed_at: string | null;
  completed_at: string | null;
  initiated_by: string;
  created_at: string;
};

export type DayStats = { date: string; total: number; succeeded: number; failed: number; other: number };
export type TrialStats = { days: DayStats[]; success_rate: number | null };

/** The list API filters on one status at a time, so "running" is two calls merged, newest first. */
export function useRunningTrials() {
  return useQuery({
    queryKey: ["home", "running"],
    queryFn: async () => {
      const lists = await Promise.all(
        RUNNING_STATUSES.map((status) =>
          apiFetch<TrialSummary[]>(`/api/v1/trial?${new URLSearchParams({ status, limit: "20" })}`),
        ),
      );
      return lists.flat().sort((a, b) => b.created_at.localeCompare(a.created_at));
    },
    refetchInterval: HOME_POLL_MS,
  });
}

export function useRecentTrials() {
  return useQuery({
    queryKey: ["home", "recent"],
    queryFn: () => apiFetch<TrialSummary[]>("/api/v1/trial?limit=10"),
    refetchInterval: HOME_POLL_MS,
  });
}

export function useTrialStats(days: number) {
  return useQuery({
    queryKey: ["home", "stats", days],
    queryFn: () => apiFetch<TrialStats>(`/api/v1/stats/trials?days=${days}`),
    refetchInterval: HOME_POLL_MS,
  });
}

/**
 * Trials carry only the experiment id; the names come from one experiment list (first 500),
 * since the API has no batch lookup. Unknown ids fall back to a short id.
 */
export function useExperimentNames() {
  const query = useQuery({
    queryKey: ["home", "experiment-names"],
    queryFn: () => apiFetch<{ id: string; name: string }[]>("/api/v1/experiment?limit=500"),
    refetchInterval: HOME_POLL_MS * 3,
  });
  const names = new Map((query.data ?? []).map((e) => [e.id, e.name]));
  return (id: string) => names.get(id) ?? id.slice(0, 8);
}
