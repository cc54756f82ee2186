import { z } from "zod";
import { drfBody, drfChoice, drfInt, drfString } from "@/lib/api/drf";
import { WINDOW_KINDS, WINDOW_ON_RUNNING } from "@/db/schema";

const time = z.iso.datetime({ offset: true, error: "Enter a valid ISO-8601 date-time, e.g. 2026-12-20T00:00:00Z." });

const fields = {
  name: drfString({ max: 150 }),
  experiment: z
    .uuid({ error: (iss) => `"${String(iss.input)}" is not a valid UUID.` })
    .nullable()
    .describe("The experiment the window holds; null (or omitted) for a global window"),
  kind: drfChoice(WINDOW_KINDS).describe("recurring: a cron start plus a duration; fixed: from starts_at to ends_at"),
  cron: drfString({ max: 200 }).describe("recurring: when the window opens (5-field cron or an @nickname)"),
  duration_seconds: drfInt({ min: 60, max: 31 * 86_400 }).describe("recurring: how long it stays open"),
  timezone: drfString({ max: 64 }).describe("IANA zone the cron is read in"),
  starts_at: time.describe("fixed: when it opens"),
  ends_at: time.describe("fixed: when it closes"),
  on_running: drfChoice(WINDOW_ON_RUNNING).describe("A trial running when the window opens: finish it, or stop it"),
};

export const createWindowSchema = drfBody({
  name: fields.name,
  experiment: fields.experiment.default(null),
  kind: fields.kind,
  cron: fields.cron.optional(),
  duration_seconds: fields.duration_seconds.optional(),
  timezone: fields.timezone.default("UTC"),
  starts_at: fields.starts_at.optional(),
  ends_at: fields.ends_at.optional(),
  on_running: fields.on_running.default("finish"),
});
export type CreateWindowInput = z.output<typeof createWindowSchema>;

export const patchWindowSchema = drfBody({
  name: fields.name.optional(),
  cron: fields.cron.optional(),
  duration_seconds: fields.duration_seconds.optional(),
  timezone: fields.timezone.optional(),
  starts_at: fields.starts_at.optional(),
  ends_at: fields.ends_at.optional(),
  on_running: fields.on_running.optional(),
});
export type PatchWindowInput = z.output<typeof patchWindowSchema>;

export const windowFiltersSchema = z.object({
  experiment: z.uuid({ error: (iss) => `"${String(iss.input)}" is not a valid UUID.` }).optional(),
});

export const windowOutSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  experiment: z.uuid().nullable(),
  kind: z.enum(WINDOW_KINDS),
  cron: z.string().nullable(),
  duration_seconds: z.number().int().nullable(),
  timezone: z.string(),
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
  on_running: z.enum(WINDOW_ON_RUNNING),
  description: z.string(),
  open_now: z.boolean(),
  next_opens_at: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type WindowOut = z.infer<typeof windowOutSchema>;
