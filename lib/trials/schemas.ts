import { z } from "zod";
import { MSG, drfBody, drfBool, drfChoice, drfDict, drfList, drfString } from "@/lib/api/drf";
import { guardOutSchema, guardSchema } from "@/lib/experiments/schemas";
import { TRIAL_STATUSES } from "./statuses";
import { ticketSchema } from "./ticket";

export const createTrialSchema = drfBody({
  // Checked against the database by the service (Kallisti's "Invalid pk" message).
  experiment: z.string({
    error: (iss) => (iss.input === undefined ? MSG.required : iss.input === null ? MSG.null : MSG.string),
  }),
  parameters: drfDict().default({}),
  metadata: drfDict().default({}),
  ticket: ticketSchema.default({}),
  initiated_from: drfString({ max: 20 }).default("unknown"),
  guards: drfList(guardSchema).default([]).describe("Guards this trial adds to the experiment's"),
  dry_run: drfBool()
    .default(false)
    .describe("Check everything and answer with the resolved plan: nothing runs, nothing is created"),
  override_blackout: drfString({ max: 500 })
    .optional()
    .describe("Admins only: start inside a blackout window anyway, saying why (audited)"),
});
export type CreateTrialInput = z.output<typeof createTrialSchema>;

const uuidFilter = z.uuid({ error: (iss) => `"${String(iss.input)}" is not a valid UUID.` });
const timeFilter = z.iso.datetime({
  offset: true,
  error: "Enter a valid ISO-8601 date-time, e.g. 2026-01-31T12:00:00Z.",
});

/** `GET /trial?experiment=&status=&schedule=&since=&until=` */
export const trialFiltersSchema = z.object({
  experiment: uuidFilter.optional(),
  schedule: uuidFilter.optional(),
  status: drfChoice(TRIAL_STATUSES).optional(),
  since: timeFilter.optional(),
  until: timeFilter.optional(),
});
export type TrialFilters = z.output<typeof trialFiltersSchema>;

const trialRecordOut = z.record(z.string(), z.unknown());

export const trialOutSchema = z.object({
  id: z.uuid(),
  experiment: z.uuid(),
  metadata: z.record(z.string(), z.unknown()),
  parameters: z.record(z.string(), z.unknown()),
  ticket: z.record(z.string(), z.unknown()),
  trial_record: trialRecordOut,
  status: z.enum(TRIAL_STATUSES),
  executed_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  initiated_by: z.string(),
  initiated_from: z.string(),
  schedule: z.uuid().nullable(),
  scheduled_for: z.string(),
  status_reason: z.string().nullable(),
  created_at: z.string(),
  experiment_revision: z
    .number()
    .int()
    .describe("The experiment revision the trial runs (see /experiment/{id}/revisions)."),
  guards: z.array(guardOutSchema).describe("Guards this trial (or its schedule) adds to the experiment's."),
  guard_record: z
    .record(z.string(), z.unknown())
    .describe(
      "What every guard saw: per guard its checks, failures, latest 50 checks and when it tripped; which guard stopped the trial.",
    ),
  blackout_override: z
    .string()
    .nullable()
    .describe("Why an admin started this trial inside a blackout window (audited); null otherwise."),
});
export type TrialOut = z.infer<typeof trialOutSchema>;
