/**
 * Every React Query hook that reads or writes experiments (and their revisions), with one key
 * factory: an edit invalidates `experimentKeys.all`, so no page keeps a stale copy.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, apiRequest } from "@/lib/client/api-fetch";
import type { Experiment, ExperimentDefinition, Revision, SavedExperiment } from "./types";

export type ListQuery = { search: string; label: string; limit: number; offset: number };
/** What pickers and lists of names need. */
export type ExperimentSummary = Pick<Experiment, "id" | "name" | "description">;

export const experimentKeys = {
  all: ["experiments"] as const,
  lists: () => [...experimentKeys.all, "list"] as const,
  list: (q: ListQuery) => [...experimentKeys.lists(), q] as const,
  search: (text: string) => [...experimentKeys.lists(), "search", text] as const,
  names: () => [...experimentKeys.lists(), "names"] as const,
  detail: (id: string) => [...experimentKeys.all, "detail", id] as const,
  revisions: (id: string) => [...experimentKeys.detail(id), "revisions"] as const,
  revision: (id: string, n: number) => [...experimentKeys.revisions(id), n] as const,
};

const path = (id: string) => `/api/v1/experiment/${encodeURIComponent(id)}`;
// Experiments rarely change while someone looks at a trial or a list of names.
const NAMES_STALE_MS = 60_000;

export function useExperimentList(q: ListQuery) {
  return useQuery({
    queryKey: experimentKeys.list(q),
    queryFn: async ({ signal }) => {
      const qs = new URLSearchParams({ limit: String(q.limit), offset: String(q.offset) });
      if (q.search) qs.set("search", q.search);
      if (q.label) qs.set("label", q.label);
      const { data, headers } = await apiRequest<Experiment[]>(`/api/v1/experiment?${qs}`, { signal });
      return { experiments: data, total: Number(headers.get("X-Total-Count") ?? data.length) };
    },
    placeholderData: keepPreviousData,
  });
}

/** Experiments whose name or description contains `text` (pickers). */
export const searchExperiments = (text: string, limit = 10, signal?: AbortSignal) =>
  apiFetch<ExperimentSummary[]>(`/api/v1/experiment?${new URLSearchParams({ search: text, limit: String(limit) })}`, {
    signal,
  });

export function useExperimentSearch(text: string) {
  return useQuery({
    queryKey: experimentKeys.search(text),
    queryFn: ({ signal }) => searchExperiments(text, 20, signal),
    placeholderData: keepPreviousData,
  });
}

/** One experiment; a deleted one still answers by id, an unknown id is a 404 not worth retrying. */
export function useExperiment(id: string | undefined) {
  return useQuery({
    queryKey: experimentKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiFetch<Experiment>(path(id as string), { signal }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** The definition a trial ran; revisions never change, so each is fetched once. */
export function useExperimentRevision(id: string | undefined, revision: number | undefined) {
  return useQuery({
    queryKey: experimentKeys.revision(id ?? "", revision ?? 0),
    queryFn: ({ signal }) => apiFetch<Revision>(`${path(id as string)}/revisions/${revision}`, { signal }),
    enabled: Boolean(id && revision),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Every revision, newest first (the history's "what changed"). */
export function useExperimentRevisions(id: string, limit = 50) {
  return useQuery({
    queryKey: [...experimentKeys.revisions(id), "list", limit],
    queryFn: ({ signal }) => apiFetch<Revision[]>(`${path(id)}/revisions?limit=${limit}`, { signal }),
  });
}

/** Names for the experiments on one page of a list (trials carry only the experiment's id). */
export function useExperimentNames(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: experimentKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch<Experiment>(path(id), { signal }),
      staleTime: NAMES_STALE_MS,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  unique.forEach((id, i) => {
    const name = results[i]?.data?.name;
    if (name) names.set(id, name);
  });
  return names;
}

/** POST when there is no id yet, PUT (a full replace) when editing. */
export function useSaveExperiment(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExperimentDefinition) =>
      id
        ? apiFetch<SavedExperiment>(path(id), { method: "PUT", body })
        : apiFetch<SavedExperiment>("/api/v1/experiment", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: experimentKeys.all }),
  });
}

export function useDeleteExperiment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<unknown>(path(id), { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: experimentKeys.all }),
  });
}
