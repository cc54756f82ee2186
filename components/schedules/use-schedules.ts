import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { Schedule, ScheduleInput, UpcomingRun } from "./types";

const ALL = ["schedules"];
const schedulePath = (experimentId: string, scheduleId?: string) =>
  `/api/v1/experiment/${encodeURIComponent(experimentId)}/schedule${scheduleId ? `/${encodeURIComponent(scheduleId)}` : ""}`;

export function useAllSchedules() {
  return useQuery({
    queryKey: ALL,
    queryFn: () => apiFetch<Schedule[]>("/api/v1/schedule"),
    refetchInterval: 10_000,
  });
}

export function useSchedule(experimentId: string, scheduleId: string) {
  return useQuery({
    queryKey: [...ALL, experimentId, scheduleId],
    queryFn: () => apiFetch<Schedule>(schedulePath(experimentId, scheduleId)),
  });
}

/** Fire times across every schedule; the home page asks for 24 h, the calendar for a week. */
export function useUpcomingRuns(hours: number) {
  return useQuery({
    queryKey: ["upcoming", hours],
    queryFn: () => apiFetch<UpcomingRun[]>(`/api/v1/schedule/upcoming?hours=${hours}&limit=1000`),
    refetchInterval: 10_000,
  });
}

/** Anything that changes a schedule changes the lists and the upcoming runs too. */
function useInvalidateSchedules() {
  const client = useQueryClient();
  return () =>
    Promise.all([client.invalidateQueries({ queryKey: ALL }), client.invalidateQueries({ queryKey: ["upcoming"] })]);
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
