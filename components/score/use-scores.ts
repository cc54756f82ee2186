import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ExperimentStats, ScoreSummary } from "@/lib/trials/score";

export type { ExperimentStats, ScoreSummary };

/** Scores follow the trials: refreshed as often as the home page's panels. */
const POLL_MS = 30_000;

export const scoreKeys = {
  all: ["scores"] as const,
  experiment: (id: string) => [...scoreKeys.all, "experiment", id] as const,
  summary: (limit: number) => [...scoreKeys.all, "summary", limit] as const,
};

/** `GET /api/v1/experiment/{id}/stats`: the score, what it is made of, and 30 days of trend. */
export function useExperimentStats(id: string) {
  return useQuery({
    queryKey: scoreKeys.experiment(id),
    queryFn: ({ signal }) =>
      apiFetch<ExperimentStats>(`/api/v1/experiment/${encodeURIComponent(id)}/stats`, { signal }),
    refetchInterval: POLL_MS,
  });
}

/** `GET /api/v1/stats/scores`: every experiment's score in one call, the lowest first. */
export function useScoreSummary(limit: number) {
  return useQuery({
    queryKey: scoreKeys.summary(limit),
    queryFn: ({ signal }) => apiFetch<ScoreSummary>(`/api/v1/stats/scores?limit=${limit}`, { signal }),
    refetchInterval: POLL_MS,
  });
}
