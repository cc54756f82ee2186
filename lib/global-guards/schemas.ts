import { z } from "zod";
import { drfBody, drfBool, drfChoice, drfInt, drfString } from "@/lib/api/drf";
import { GUARD_ACTIONS } from "@/db/schema";
import { stepSchema } from "@/lib/experiments/schemas";

const fields = {
  name: drfString({ max: 150 }),
  step: stepSchema.describe("The probe: an action, its `where` and optional `expect` (e.g. prom.query of an alert)"),
  interval_seconds: drfInt({ min: 1, max: 3600 }),
  tolerance: drfInt({ min: 0, max: 1000 }),
  action: drfChoice(GUARD_ACTIONS).describe("What the signal becomes when the guard fails past its tolerance"),
  enabled: drfBool(),
};

export const createGlobalGuardSchema = drfBody({
  name: fields.name,
  step: fields.step,
  interval_seconds: fields.interval_seconds.default(30),
  tolerance: fields.tolerance.default(0),
  action: fields.action.default("PAUSE"),
  enabled: fields.enabled.default(true),
});
export type CreateGlobalGuardInput = z.output<typeof createGlobalGuardSchema>;

export const patchGlobalGuardSchema = drfBody({
  name: fields.name.optional(),
  step: fields.step.optional(),
  interval_seconds: fields.interval_seconds.optional(),
  tolerance: fields.tolerance.optional(),
  action: fields.action.optional(),
  enabled: fields.enabled.optional(),
});
export type PatchGlobalGuardInput = z.output<typeof patchGlobalGuardSchema>;

export const globalGuardOutSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  step: z.record(z.string(), z.unknown()),
  interval_seconds: z.number().int(),
  tolerance: z.number().int(),
  action: z.enum(GUARD_ACTIONS),
  enabled: z.boolean(),
  last_checked_at: z.string().nullable(),
  last_ok: z.boolean().nullable(),
  last_message: z.string().nullable(),
  tripped_at: z.string().nullable().describe("When it last set the signal; cleared when it passes again"),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type GlobalGuardOut = z.infer<typeof globalGuardOutSchema>;
