import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { CreateWindowInput, WindowOut } from "@/lib/blackout/schemas";
import { scheduleKeys } from "@/components/schedules/use-schedules";

export type BlackoutWindow = WindowOut;
/** What the form sends: the API fills the defaults (timezone UTC, on_running finish). */
export type NewWindow = Partial<CreateWindowInput> & Pick<CreateWindowInput, "name" | "kind">;

/** Open now and next opening move with the clock: the list is asked again every minute. */
const POLL_MS = 60_000;

export const blackoutKeys = {
  all: ["blackout"] as const,
  list: (experiment: string | null) => [...blackoutKeys.all, experiment ?? "all"] as const,
};

/** Every live window, or one experiment's own (`?experiment=`; global ones are not included then). */
export function useBlackouts(experiment: string | null = null) {
  return useQuery({
    queryKey: blackoutKeys.list(experiment),
    queryFn: ({ signal }) =>
      apiFetch<BlackoutWindow[]>(
        `/api/v1/blackout${experiment ? `?experiment=${encodeURIComponent(experiment)}` : ""}`,
        {
          signal,
        },
      ),
    refetchInterval: POLL_MS,
  });
}

/** A window changes which upcoming runs are held: the schedule previews and calendar follow. */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: blackoutKeys.all }),
      client.invalidateQueries({ queryKey: scheduleKeys.all }),
    ]);
}

export function useCreateBlackout() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewWindow) => apiFetch<BlackoutWindow>("/api/v1/blackout", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

/** One per row, so each row shows its own pending state and error. */
export function useDeleteBlackout(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => apiFetch<unknown>(`/api/v1/blackout/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
