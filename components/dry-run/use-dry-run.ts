import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { Plan } from "@/lib/trials/plan";

export type { Plan };

/**
 * `POST /api/v1/trial` with `dry_run: true`: the resolved plan and every problem the trial would
 * meet. Nothing is created, so no trial list is invalidated.
 */
export function useDryRun(experimentId: string) {
  return useMutation({
    mutationFn: (parameters: Record<string, unknown>) =>
      apiFetch<Plan>("/api/v1/trial", {
        method: "POST",
        body: { experiment: experimentId, parameters, dry_run: true },
      }),
  });
}
