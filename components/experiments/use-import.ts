import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { TextFormat } from "./definition-text";
import type { Experiment, SaveWarning, Step } from "./types";

/** The import's answer (lib/import/schemas.ts): what was (or, in a dry run, would be) created. */
export type ImportResult = {
  dry_run: boolean;
  source: "eris" | "chaos-mesh-schedule" | "chaos-mesh-object";
  experiment: Partial<Experiment> & {
    name: string;
    description: string;
    pre_steps: Step[];
    steps: Step[];
    post_steps: Step[];
  };
  schedule: {
    recurrence_pattern: string;
    timezone: string;
    description: string;
    concurrency_policy: string;
    history_limit: number | null;
    starting_deadline_seconds: number | null;
    paused: boolean;
  } | null;
  next_runs: { utc: string; local: string }[];
  warnings: SaveWarning[];
};

const TYPES: Record<TextFormat, string> = { json: "application/json", yaml: "application/yaml" };

/** POST /api/v1/import with the document as written; `dryRun` previews without writing. */
export function useImportDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ text, format, dryRun }: { text: string; format: TextFormat; dryRun: boolean }) =>
      apiFetch<ImportResult>(`/api/v1/import${dryRun ? "?dry_run=true" : ""}`, {
        method: "POST",
        raw: { text, type: TYPES[format] },
      }),
    onSuccess: (result) => {
      if (result.dry_run) return;
      for (const queryKey of [["experiments"], ["schedules"], ["upcoming"]])
        void client.invalidateQueries({ queryKey });
    },
  });
}
