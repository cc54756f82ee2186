import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, apiRequest } from "@/lib/client/api-fetch";
import { type Experiment, isActive, type Trial } from "./types";

export type TrialFilters = { experiment?: string; status?: string; schedule?: string; since?: string; until?: string };

const LIST_POLL_MS = 5_000;
const DETAIL_POLL_MS = 1_000;
// Experiments rarely change while someone watches a trial; no need to refetch them on every poll.
const EXPERIMENT_STALE_MS = 60_000;

export function trialListPath(filters: TrialFilters, limit: number, offset: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  q.set("limit", String(limit));
  q.set("offset", String(offset));
  return `/api/v1/trial?${q}`;
}

/** One page of trials (newest first) with the total from X-Total-Count, refreshed every 5 s. */
export function useTrialList(filters: TrialFilters, limit: number, offset: number) {
  return useQuery({
    queryKey: ["trials", filters, limit, offset],
    queryFn: async ({ signal }) => {
      const { data, headers } = await apiRequest<Trial[]>(trialListPath(filters, limit, offset), { signal });
      return { trials: data, total: Number(headers.get("X-Total-Count") ?? data.length) };
    },
    placeholderData: keepPreviousData, // keep the table steady while filters or pages change
    refetchInterval: LIST_POLL_MS,
  });
}

/** One trial, polled every second while it can still change, then left alone. */
export function useTrial(id: string) {
  return useQuery({
    queryKey: ["trial", id],
    queryFn: ({ signal }) => apiFetch<Trial>(`/api/v1/trial/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (isActive(query.state.data?.status) ? DETAIL_POLL_MS : false),
    staleTime: 0,
  });
}

const experimentQuery = (id: string) => ({
  queryKey: ["experiment", id],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    apiFetch<Experiment>(`/api/v1/experiment/${encodeURIComponent(id)}`, { signal }),
  staleTime: EXPERIMENT_STALE_MS,
  retry: false, // a deleted experiment answers 404: show its id instead of retrying
});

export function useExperiment(id: string | undefined) {
  return useQuery({ ...experimentQuery(id ?? ""), enabled: Boolean(id) });
}

/**
 * The experiment as the trial ran it: the revision it was launched with (revisions never change,
 * so it is fetched once). The name is the revision's too.
 */
export function useExperimentRevision(id: string | undefined, revision: number | undefined) {
  return useQuery({
    queryKey: ["experiment", id, "revisions", revision],
    queryFn: async ({ signal }): Promise<Experiment> => ({
      id: id as string,
      ...(await apiFetch<Omit<Experiment, "id">>(
        `/api/v1/experiment/${encodeURIComponent(id as string)}/revisions/${revision}`,
        { signal },
      )),
    }),
    enabled: Boolean(id && revision),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Names for the experiments on one page of the list (the trial API returns only their ids). */
export function useExperimentNames(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({ queries: unique.map(experimentQuery) });
  const names = new Map<string, string>();
  unique.forEach((id, i) => {
    const name = results[i]?.data?.name;
    if (name) names.set(id, name);
  });
  return names;
}

/** Experiments whose name or description contains `text` (for the list's experiment filter). */
export const searchExperiments = (text: string) =>
  apiFetch<Experiment[]>(`/api/v1/experiment?search=${encodeURIComponent(text)}&limit=10`);

export function useStopTrial(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<Trial>(`/api/v1/trial/${encodeURIComponent(id)}/stop`, { method: "PUT" }),
    // The answer is the trial itself (Stop Initiated or Stopped): show it at once; polling does the rest.
    onSuccess: async (trial) => {
      await client.cancelQueries({ queryKey: ["trial", id] }); // a poll sent before the stop must not win
      client.setQueryData(["trial", id], trial);
    },
  });
}
