import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";

export type ExperimentSummary = { id: string; name: string; description?: string };

/** Experiments matching a name or description, for picking which one a new schedule runs. */
export function useExperimentSearch(search: string) {
  return useQuery({
    queryKey: ["experiment-search", search],
    queryFn: ({ signal }) =>
      apiFetch<ExperimentSummary[]>(`/api/v1/experiment?${new URLSearchParams({ search, limit: "20" })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useExperiment(id: string) {
  return useQuery({
    queryKey: ["experiment", id],
    queryFn: () => apiFetch<ExperimentSummary>(`/api/v1/experiment/${encodeURIComponent(id)}`),
  });
}
