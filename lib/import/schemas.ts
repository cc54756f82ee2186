/** The import's query and answer, for validation and the OpenAPI document. */
import { z } from "zod";
import { drfBool } from "@/lib/api/drf";
import { experimentOutSchema } from "@/lib/experiments/schemas";
import { scheduleOutSchema } from "@/lib/schedules/schemas";

export const importQuerySchema = z.object({
  dry_run: drfBool().default(false).describe("true: answer with what would be created, write nothing"),
});

const SOURCES = ["eris", "chaos-mesh-schedule", "chaos-mesh-object"] as const;

/** Saved: the full experiment and schedule; a dry run: the same fields without ids and times. */
export const importOutSchema = z.object({
  dry_run: z.boolean(),
  source: z.enum(SOURCES).describe("What the document was: Eris's export, a Chaos Mesh Schedule or chaos object"),
  experiment: experimentOutSchema.partial({
    id: true,
    created_by: true,
    created_at: true,
    updated_at: true,
    revision: true,
  }),
  schedule: scheduleOutSchema
    .partial({
      id: true,
      experiment_id: true,
      created_by: true,
      created_at: true,
      updated_at: true,
      trials: true,
      next_run_at: true,
      recurrence_left: true,
    })
    .nullable(),
  next_runs: z
    .array(z.object({ utc: z.string(), local: z.string() }))
    .describe("The schedule's next runs (paused or not), UTC and in its zone; empty without a schedule"),
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportOut = z.infer<typeof importOutSchema>;

export const exportQuerySchema = z.object({
  format: z
    .enum(["json", "yaml", "chaos-mesh"], { error: 'Use "json", "yaml" or "chaos-mesh".' })
    .default("json")
    .describe("json or yaml: Eris's own export; chaos-mesh: a Chaos Mesh Schedule (or chaos object), as YAML"),
});
