import { z } from "zod";
import { MSG, drfBody, drfDict, drfInt, drfList, drfString } from "@/lib/api/drf";

/** `<module>.<action>`; the action part may itself be dotted (`aws.ec2.stop_instance`). */
export const ACTION_RE = /^[A-Za-z_][\w-]*\.[A-Za-z_][\w.-]*$/;

export const stepSchema = z.object(
  {
    step: z
      .string({ error: () => MSG.string })
      .max(500, MSG.maxLength(500))
      .nullish()
      .transform((v) => v?.trim() || undefined),
    do: drfString({ max: 200 }).regex(ACTION_RE, 'Must be "<module>.<action>", e.g. "cm.http_probe".'),
    where: drfDict(),
    expect: drfList(drfDict()).optional(),
  },
  { error: (iss) => (iss.code === "invalid_type" ? MSG.dict(iss.input) : undefined) },
);
export type StepInput = z.output<typeof stepSchema>;

/**
 * A guard: a probe step (an action, its `where`, optional `expect`) run every `interval_seconds`
 * alongside the trial's steps; more than `tolerance` failures in a row stop the trial.
 */
export const guardSchema = z.object(
  {
    ...stepSchema.shape,
    name: z
      .string({ error: () => MSG.string })
      .max(150, MSG.maxLength(150))
      .nullish()
      .transform((v) => v?.trim() || undefined),
    interval_seconds: drfInt({ min: 1, max: 3600 }).default(10),
    tolerance: drfInt({ min: 0, max: 1000 }).default(0),
  },
  { error: (iss) => (iss.code === "invalid_type" ? MSG.dict(iss.input) : undefined) },
);
export type GuardInput = z.output<typeof guardSchema>;

const fields = {
  name: drfString({ max: 150 }),
  description: drfString({ blank: true }),
  metadata: drfDict(),
  parameters: drfDict(),
  pre_steps: drfList(stepSchema),
  steps: drfList(stepSchema),
  post_steps: drfList(stepSchema),
  guards: drfList(guardSchema),
};

/** POST: `name` and `steps` required (steps may be empty); the rest default. */
export const createExperimentSchema = drfBody({
  ...fields,
  description: fields.description.default(""),
  metadata: fields.metadata.default({}),
  parameters: fields.parameters.default({}),
  pre_steps: fields.pre_steps.default([]),
  post_steps: fields.post_steps.default([]),
  guards: fields.guards.default([]),
});

/** PUT: `name` and `steps` required; omitted optional fields keep their stored values (DRF). */
export const replaceExperimentSchema = drfBody({
  ...fields,
  description: fields.description.optional(),
  metadata: fields.metadata.optional(),
  parameters: fields.parameters.optional(),
  pre_steps: fields.pre_steps.optional(),
  post_steps: fields.post_steps.optional(),
  guards: fields.guards.optional(),
});

/** PATCH: every field optional. */
export const patchExperimentSchema = drfBody({
  name: fields.name.optional(),
  description: fields.description.optional(),
  metadata: fields.metadata.optional(),
  parameters: fields.parameters.optional(),
  pre_steps: fields.pre_steps.optional(),
  steps: fields.steps.optional(),
  post_steps: fields.post_steps.optional(),
  guards: fields.guards.optional(),
});

export type CreateExperimentInput = z.output<typeof createExperimentSchema>;
export type UpdateExperimentInput = z.output<typeof patchExperimentSchema>;

const stepOut = z.object({
  step: z.string().optional(),
  do: z.string(),
  where: z.record(z.string(), z.unknown()),
  expect: z.array(z.record(z.string(), z.unknown())).optional(),
});

export const guardOutSchema = stepOut.extend({
  name: z.string().optional(),
  interval_seconds: z.number().int(),
  tolerance: z.number().int(),
});

/** The response shape: Kallisti's nine keys in Kallisti's order, then Eris's extensions. */
export const experimentOutSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  parameters: z.record(z.string(), z.unknown()),
  pre_steps: z.array(stepOut),
  steps: z.array(stepOut),
  post_steps: z.array(stepOut),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  revision: z.number().int().describe("Grows at every change; trials say which revision they ran."),
  guards: z
    .array(guardOutSchema)
    .describe("Probes watched alongside the steps; one failing past its tolerance stops the trial."),
});
export type ExperimentOut = z.infer<typeof experimentOutSchema>;

/** `GET /experiment/{id}/revisions`: one immutable definition per change, newest first. */
export const revisionOutSchema = z.object({
  revision: z.number().int(),
  created_by: z.string(),
  created_at: z.string(),
  ...experimentOutSchema.pick({
    name: true,
    description: true,
    metadata: true,
    parameters: true,
    pre_steps: true,
    steps: true,
    post_steps: true,
    guards: true,
  }).shape,
});
export type RevisionOut = z.infer<typeof revisionOutSchema>;
/**
 * The answer to a create or update: the experiment, then `warnings` (after Kallisti's keys) for
 * what will fail when it runs, e.g. a credential naming a variable the administrator has not allowed.
 */
export const savedExperimentOutSchema = experimentOutSchema.extend({
  warnings: z.array(
    z.object({
      field: z.string().describe("Dotted path of the field at fault, e.g. steps.0.where.credentials.password_key"),
      message: z.string().describe("What will fail, and the setting that would allow it"),
    }),
  ),
});
export type SavedExperimentOut = z.infer<typeof savedExperimentOutSchema>;

/** `GET /experiment?search=&label=key` or `label=key:value` */
export const experimentFiltersSchema = z.object({
  search: z.string().max(200, MSG.maxLength(200)).optional(),
  label: z
    .string()
    .max(200, MSG.maxLength(200))
    .regex(/^[^:]+(:.*)?$/, 'Use "key" or "key:value".')
    .optional(),
});
