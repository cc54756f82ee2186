import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { Step } from "@/components/experiments/types";
import type { CreateGlobalGuardInput, GlobalGuardOut } from "@/lib/global-guards/schemas";

export type GlobalGuard = GlobalGuardOut;
export type GuardInput = Omit<CreateGlobalGuardInput, "interval_seconds" | "tolerance" | "step"> & {
  step: Step;
  /** As typed: a value that is not a whole number is sent as it is, for the API to name the field. */
  interval_seconds: number | string;
  tolerance: number | string;
};

/** The runner writes each guard's last check as it goes: the list follows it. */
const POLL_MS = 10_000;

export const guardKeys = { all: ["global-guards"] as const };

export function useGlobalGuards() {
  return useQuery({
    queryKey: guardKeys.all,
    queryFn: ({ signal }) => apiFetch<GlobalGuard[]>("/api/v1/guard", { signal }),
    refetchInterval: POLL_MS,
  });
}

/** POST without an id, PATCH with one. */
export function useSaveGlobalGuard(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<GuardInput>) =>
      id
        ? apiFetch<GlobalGuard>(`/api/v1/guard/${encodeURIComponent(id)}`, { method: "PATCH", body: input })
        : apiFetch<GlobalGuard>("/api/v1/guard", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: guardKeys.all }),
  });
}

export function useDeleteGlobalGuard(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<unknown>(`/api/v1/guard/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: guardKeys.all }),
  });
}
