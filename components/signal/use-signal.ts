import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";

export const SIGNAL_STATES = ["RUN", "PAUSE", "STOP"] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];
export type Signal = { state: SignalState; reason: string; set_by: string; set_at: string | null };

export const signalKeys = { state: ["signal"] as const };

/**
 * The global RUN/PAUSE/STOP switch; polled so a change made elsewhere shows within seconds.
 * `initial` is the server-rendered value, so the header never flashes an unknown state.
 */
export function useSignal(initial?: Signal) {
  return useQuery({
    queryKey: signalKeys.state,
    queryFn: () => apiFetch<Signal>("/api/v1/signal"),
    refetchInterval: 5_000,
    initialData: initial,
  });
}

export function useSetSignal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { state: SignalState; reason: string }) =>
      apiFetch<Signal>("/api/v1/signal", { method: "POST", body: input }),
    onSuccess: (signal) => client.setQueryData(signalKeys.state, signal),
  });
}
