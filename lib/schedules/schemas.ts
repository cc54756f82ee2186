import { z } from "zod";
import { drfBody, drfBool, drfChoice, drfDict, drfInt, drfString } from "@/lib/api/drf";
import { CONCURRENCY_POLICIES } from "@/db/schema";
import { guardOutSchema, guardSchema } from "@/lib/experiments/schemas";
import { drfList } from "@/lib/api/drf";
import { ticketSchema } from "@/lib/trials/ticket";

/** Django's PositiveIntegerField range, which Kallisti's serializer enforces (PostgreSQL's integer). */
const MAX_INT = 2_147_483_647;

const fields = {
  recurrence_pattern: drfString({ max: 200 }),
  recurrence_count: drfInt({ min: 0, max: MAX_INT }).nullable(),
  parameters: drfDict(),
  metadata: drfDict(),
  ticket: ticketSchema,
  timezone: drfString({ max: 64 }).describe(
    'IANA zone the pattern runs in, e.g. "Europe/Paris"; a CRON_TZ=Zone prefix in the pattern sets it too',
  ),
  concurrency_policy: drfChoice(CONCURRENCY_POLICIES),
  starting_deadline_seconds: drfInt({ min: 1, max: MAX_INT }).nullable(),
  history_limit: drfInt({ min: 1, max: MAX_INT }).nullable(),
  paused: drfBool(),
  guards: drfList(guardSchema),
};

/**
 * POST: only `recurrence_pattern` is required; omitted fields take their defaults (`timezone`:
 * the pattern's CRON_TZ= zone, else UTC).
 */
export const scheduleSchema = drfBody({
  recurrence_pattern: fields.recurrence_pattern,
  recurrence_count: fields.recurrence_count.default(null),
  parameters: fields.parameters.default({}),
  metadata: fields.metadata.default({}),
  ticket: fields.ticket.default({}),
  timezone: fields.timezone.optional(),
  concurrency_policy: fields.concurrency_policy.default("Forbid"),
  starting_deadline_seconds: fields.starting_deadline_seconds.default(null),
  history_limit: fields.history_limit.default(null),
  paused: fields.paused.default(false),
  guards: fields.guards.default([]),
});

/**
 * PUT: Kallisti's own omitted fields are reset to their defaults, as Kallisti does. Eris's
 * extensions keep their values when omitted: a Kallisti client knows nothing of them, and its PUT
 * must not resume a paused schedule or reset its time zone and policies.
 */
export const replaceScheduleSchema = drfBody({
  recurrence_pattern: fields.recurrence_pattern,
  recurrence_count: fields.recurrence_count.default(null),
  parameters: fields.parameters.default({}),
  metadata: fields.metadata.default({}),
  ticket: fields.ticket.default({}),
  timezone: fields.timezone.optional(),
  concurrency_policy: fields.concurrency_policy.optional(),
  starting_deadline_seconds: fields.starting_deadline_seconds.optional(),
  history_limit: fields.history_limit.optional(),
  paused: fields.paused.optional(),
  guards: fields.guards.optional(),
});

/** PATCH: omitted fields stay as they are. */
export const patchScheduleSchema = drfBody({
  recurrence_pattern: fields.recurrence_pattern.optional(),
  recurrence_count: fields.recurrence_count.optional(),
  parameters: fields.parameters.optional(),
  metadata: fields.metadata.optional(),
  ticket: fields.ticket.optional(),
  timezone: fields.timezone.optional(),
  concurrency_policy: fields.concurrency_policy.optional(),
  starting_deadline_seconds: fields.starting_deadline_seconds.optional(),
  history_limit: fields.history_limit.optional(),
  paused: fields.paused.optional(),
  guards: fields.guards.optional(),
});

export type ScheduleInput = z.output<typeof scheduleSchema>;
export type ScheduleReplace = z.output<typeof replaceScheduleSchema>;
export type SchedulePatch = z.output<typeof patchScheduleSchema>;

export const previewQuerySchema = z.object({
  pattern: drfString({ max: 200 }),
  experiment: z.uuid({ error: (iss) => `"${String(iss.input)}" is not a valid UUID.` }).optional(),
  timezone: drfString({ max: 64 }).default("UTC"),
  count: z.coerce
    .number({ error: "A valid integer is required." })
    .int("A valid integer is required.")
    .min(1, "Ensure this value is greater than or equal to 1.")
    .max(100, "Ensure this value is less than or equal to 100.")
    .default(10),
});

export const scheduleTrialOutSchema = z.object({
  id: z.uuid(),
  status: z.string(),
  executed_at: z.string().nullable(),
  scheduled_for: z.string(),
});

/** Kallisti's eleven keys in Kallisti's order, then the Chaos Mesh-style extensions. */
export const scheduleOutSchema = z.object({
  id: z.uuid(),
  experiment_id: z.uuid(),
  parameters: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  ticket: z.record(z.string(), z.unknown()),
  recurrence_pattern: z.string(),
  recurrence_count: z.number().int().nullable(),
  recurrence_left: z.number().int().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  trials: z.array(scheduleTrialOutSchema),
  timezone: z.string(),
  concurrency_policy: z.enum(CONCURRENCY_POLICIES),
  starting_deadline_seconds: z.number().int().nullable(),
  history_limit: z.number().int().nullable(),
  paused: z.boolean(),
  next_run_at: z.string().nullable(),
  description: z.string(),
  updated_at: z.string(),
  guards: z.array(guardOutSchema).describe("Guards the schedule adds to its trials, on top of the experiment's."),
});
export type ScheduleOut = z.infer<typeof scheduleOutSchema>;

export const previewOutSchema = z.object({
  pattern: z.string(),
  timezone: z.string(),
  description: z.string(),
  next_runs: z.array(
    z.object({
      utc: z.string(),
      local: z.string(),
      blackout: z.string().nullable().describe("The blackout window a firing then would be Skipped for, if any"),
    }),
  ),
});
