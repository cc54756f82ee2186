import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, apiRequest } from "@/lib/client/api-fetch";
import type { Experiment, ExperimentDefinition, SavedExperiment, Schedule, Trial } from "./types";

const KEY = ["experiments"];
const path = (id: string) => `/api/v1/experiment/${encodeURIComponent(id)}`;

export type ListQuery = { search: string; label: string; limit: number; offset: number };

export function useExperimentList({ search, label, limit, offset }: ListQuery) {
  return useQuery({
    queryKey: [...KEY, "list", search, label, limit, offset],
    queryFn: async () => {
      const qs = new URLSearchParams({ limit: String(limit), offset: String(offset) });
      if (search) qs.set("search", search);
      if (label) qs.set("label", label);
      const { data, headers } = await apiRequest<Experiment[]>(`/api/v1/experiment?${qs}`);
      return { experiments: data, total: Number(headers.get("X-Total-Count") ?? data.length) };
    },
    placeholderData: keepPreviousData,
  });
}

export function useExperiment(id: string) {
  return useQuery({ queryKey: [...KEY, id], queryFn: () => apiFetch<Experiment>(path(id)) });
}

export function useSchedules(id: string) {
  return useQuery({ queryKey: [...KEY, id, "schedules"], queryFn: () => apiFetch<Schedule[]>(`${path(id)}/schedule`) });
}

export function useRecentTrials(id: string) {
  return useQuery({
    queryKey: [...KEY, id, "trials"],
    queryFn: () => apiFetch<Trial[]>(`/api/v1/trial?experiment=${encodeURIComponent(id)}&limit=10`),
  });
}

/** POST when there is no id yet, PUT (a full replace) when editing. */
export function useSaveExperiment(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExperimentDefinition) =>
      id
        ? apiFetch<SavedExperiment>(path(id), { method: "PUT", body })
        : apiFetch<SavedExperiment>("/api/v1/experiment", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteExperiment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<unknown>(path(id), { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRunTrial(id: string) {
  return useMutation({
    mutationFn: (parameters: Record<string, unknown>) =>
      apiFetch<Trial>("/api/v1/trial", { method: "POST", body: { experiment: id, parameters } }),
  });
}
