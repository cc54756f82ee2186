/**
 * Every React Query hook for schedules (lists, one schedule, upcoming runs, the pattern preview),
 * with one key factory: any change invalidates `scheduleKeys.all`, upcoming runs included.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import type { Preview, Schedule, ScheduleInput, UpcomingRun } from "./types";

export const scheduleKeys = {
  all: ["schedules"] as const,
  lists: () => [...scheduleKeys.all, "list"] as const,
  ofExperiment: (experimentId: string) => [...scheduleKeys.lists(), { experimentId }] as const,
  detail: (experimentId: string, scheduleId: string) =>
    [...scheduleKeys.all, "detail", experimentId, scheduleId] as const,
  upcoming: (hours: number) => [...scheduleKeys.all, "upcoming", hours] as const,
  preview: (pattern: string, timezone: string, experiment: string) =>
    [...scheduleKeys.all, "preview", pattern, timezone, experiment] as const,
};

const POLL_MS = 10_000;
const schedulePath = (experimentId: string, scheduleId?: string) =>
  `/api/v1/experiment/${encodeURIComponent(experimentId)}/schedule${scheduleId ? `/${encodeURIComponent(scheduleId)}` : ""}`;

/** Every schedule across experiments (with `experiment_name`). */
export function useAllSchedules() {
  return useQuery({
    queryKey: scheduleKeys.lists(),
    queryFn: ({ signal }) => apiFetch<Schedule[]>("/api/v1/schedule", { signal }),
    refetchInterval: POLL_MS,
  });
}

export function useExperimentSchedules(experimentId: string) {
  return useQuery({
    queryKey: scheduleKeys.ofExperiment(experimentId),
    queryFn: ({ signal }) => apiFetch<Schedule[]>(schedulePath(experimentId), { signal }),
  });
}

export function useSchedule(experimentId: string, scheduleId: string) {
  return useQuery({
    queryKey: scheduleKeys.detail(experimentId, scheduleId),
    queryFn: ({ signal }) => apiFetch<Schedule>(schedulePath(experimentId, scheduleId), { signal }),
    refetchInterval: POLL_MS, // runs left and the next run change as it fires
  });
}

/** Fire times across every schedule; the home page asks for 24 h, the calendar for a week. */
export function useUpcomingRuns(hours: number) {
  return useQuery({
    queryKey: scheduleKeys.upcoming(hours),
    queryFn: ({ signal }) => apiFetch<UpcomingRun[]>(`/api/v1/schedule/upcoming?hours=${hours}&limit=1000`, { signal }),
    refetchInterval: POLL_MS,
  });
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The next 10 runs of a pattern in a zone, asked of the server (the same parser the runner uses)
 * once typing pauses for 400 ms. `fieldErrors` holds the API's 400 messages by the form's field
 * names: the preview names its query parameter `pattern`, the form's field is `recurrence_pattern`.
 * `empty` is true while there is no pattern to preview (an old answer is not shown then).
 */
export function usePreview(pattern: string, timezone: string, experiment = "") {
  const query = useDebounced({ pattern: pattern.trim(), timezone: timezone.trim() }, 400);
  // With the experiment named, the runs its own blackout windows hold are marked too.
  const params = { ...query, count: "10", ...(experiment ? { experiment } : {}) };
  const empty = pattern.trim() === "" || timezone.trim() === "";
  const result = useQuery({
    queryKey: scheduleKeys.preview(query.pattern, query.timezone, experiment),
    queryFn: ({ signal }) => apiFetch<Preview>(`/api/v1/schedule/preview?${new URLSearchParams(params)}`, { signal }),
    enabled: query.pattern !== "" && query.timezone !== "",
    retry: false,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const { pattern: patternError, ...fieldErrors } = result.error instanceof ApiError ? result.error.fields : {};
  if (patternError) fieldErrors.recurrence_pattern = patternError;
  const settling = query.pattern !== pattern.trim() || query.timezone !== timezone.trim();
  return { ...result, fieldErrors: empty ? {} : fieldErrors, settling, empty };
}

/** Anything that changes a schedule changes the lists and the upcoming runs too. */
function useInvalidateSchedules() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: scheduleKeys.all });
}

/** POST without a schedule id, PUT with one. */
export function useSaveSchedule(experimentId: string, scheduleId?: string) {
  const invalidate = useInvalidateSchedules();
  return useMutation({
    mutationFn: (input: ScheduleInput) =>
      apiFetch<Schedule>(schedulePath(experimentId, scheduleId), { method: scheduleId ? "PUT" : "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useSetPaused(schedule: Pick<Schedule, "id" | "experiment_id">) {
  const invalidate = useInvalidateSchedules();
  return useMutation({
    mutationFn: (paused: boolean) =>
      apiFetch<Schedule>(schedulePath(schedule.experiment_id, schedule.id), { method: "PATCH", body: { paused } }),
    onSettled: invalidate,
  });
}

export function useDeleteSchedule(experimentId: string, scheduleId: string) {
  const invalidate = useInvalidateSchedules();
  return useMutation({
    mutationFn: () => apiFetch<null>(schedulePath(experimentId, scheduleId), { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
