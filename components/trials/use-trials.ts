/**
 * Every React Query hook that reads or writes trials, with one key factory: starting or stopping
 * a trial invalidates `trialKeys.all`, so lists, the home page and the experiment's history follow.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiFetch, apiRequest } from "@/lib/client/api-fetch";
import { RUNNING_STATUSES } from "@/lib/trials/statuses";
import { isActive, type Trial } from "./types";

export type TrialFilters = { experiment?: string; status?: string; schedule?: string; since?: string; until?: string };
export type DayStats = { date: string; total: number; succeeded: number; failed: number; other: number };
export type TrialStats = { days: DayStats[]; success_rate: number | null };

export const trialKeys = {
  all: ["trials"] as const,
  lists: () => [...trialKeys.all, "list"] as const,
  list: (filters: TrialFilters, limit: number, offset: number) =>
    [...trialKeys.lists(), { ...filters, limit, offset }] as const,
  running: () => [...trialKeys.lists(), "running"] as const,
  stats: (days: number) => [...trialKeys.all, "stats", days] as const,
  detail: (id: string) => [...trialKeys.all, "detail", id] as const,
};

const LIST_POLL_MS = 5_000;
const HOME_POLL_MS = 10_000;
const DETAIL_POLL_MS = 1_000;

export function trialListPath(filters: TrialFilters, limit: number, offset: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  q.set("limit", String(limit));
  q.set("offset", String(offset));
  return `/api/v1/trial?${q}`;
}

/** One page of trials (newest first) with the total from X-Total-Count, refreshed every 5 s. */
export function useTrialList(filters: TrialFilters, limit: number, offset: number, pollMs = LIST_POLL_MS) {
  return useQuery({
    queryKey: trialKeys.list(filters, limit, offset),
    queryFn: async ({ signal }) => {
      const { data, headers } = await apiRequest<Trial[]>(trialListPath(filters, limit, offset), { signal });
      return { trials: data, total: Number(headers.get("X-Total-Count") ?? data.length) };
    },
    placeholderData: keepPreviousData, // keep the table steady while filters or pages change
    refetchInterval: pollMs,
  });
}

/** The list API filters on one status at a time, so "running" is two calls merged, newest first. */
export function useRunningTrials() {
  return useQuery({
    queryKey: trialKeys.running(),
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        RUNNING_STATUSES.map((status) => apiFetch<Trial[]>(trialListPath({ status }, 20, 0), { signal })),
      );
      return lists.flat().sort((a, b) => b.created_at.localeCompare(a.created_at));
    },
    refetchInterval: HOME_POLL_MS,
  });
}

export function useTrialStats(days: number) {
  return useQuery({
    queryKey: trialKeys.stats(days),
    queryFn: ({ signal }) => apiFetch<TrialStats>(`/api/v1/stats/trials?days=${days}`, { signal }),
    refetchInterval: HOME_POLL_MS,
  });
}

/**
 * One trial, live while it can change: the server streams every change (Server-Sent Events, so a
 * running step's log lines show within a second), and polling every second stands in whenever the
 * stream is not connected. A finished trial is left alone.
 */
export function useTrial(id: string) {
  const [streaming, setStreaming] = useState(false);
  const query = useQuery({
    queryKey: trialKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Trial>(`/api/v1/trial/${encodeURIComponent(id)}`, { signal }),
    // No polling while the stream delivers: an older poll answer would overwrite a newer event.
    refetchInterval: (q) => (isActive(q.state.data?.status) && !streaming ? DETAIL_POLL_MS : false),
    staleTime: 0,
  });
  useTrialStream(id, isActive(query.data?.status), setStreaming);
  return query;
}

function useTrialStream(id: string, active: boolean, setStreaming: (on: boolean) => void) {
  const client = useQueryClient();
  useEffect(() => {
    if (!active || typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v1/trial/${encodeURIComponent(id)}/events`);
    source.onopen = () => setStreaming(true);
    source.addEventListener("trial", (e) => client.setQueryData(trialKeys.detail(id), JSON.parse(e.data) as Trial));
    // The trial ended: close, or EventSource would reconnect and replay it.
    source.addEventListener("end", () => {
      source.close();
      setStreaming(false);
    });
    source.onerror = () => setStreaming(false); // it retries by itself; polling covers the gap
    return () => {
      source.close();
      setStreaming(false);
    };
  }, [id, active, client, setStreaming]);
}

/** The trials of one schedule (its editor lists them), newest first. */
export function useScheduleTrials(scheduleId: string, limit = 10) {
  return useTrialList({ schedule: scheduleId }, limit, 0, HOME_POLL_MS);
}

/** Starts a trial of the experiment now; the answer is the trial (Scheduled, or Skipped under STOP). */
export function useStartTrial(experimentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      parameters,
      overrideBlackout,
    }: {
      parameters: Record<string, unknown>;
      overrideBlackout?: string;
    }) =>
      apiFetch<Trial>("/api/v1/trial", {
        method: "POST",
        body: {
          experiment: experimentId,
          parameters,
          ...(overrideBlackout ? { override_blackout: overrideBlackout } : {}),
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: trialKeys.lists() }),
  });
}

export function useStopTrial(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<Trial>(`/api/v1/trial/${encodeURIComponent(id)}/stop`, { method: "PUT" }),
    // The answer is the trial itself (Stop Initiated or Stopped): show it at once; polling does the rest.
    onSuccess: async (trial) => {
      await client.cancelQueries({ queryKey: trialKeys.detail(id) }); // a poll sent before the stop must not win
      client.setQueryData(trialKeys.detail(id), trial);
      await client.invalidateQueries({ queryKey: trialKeys.lists() });
    },
  });
}
