/** The safety part of the API reference: blackout windows, global guards, the resilience score, dry runs. */
import { z } from "zod";
import { createWindowSchema, patchWindowSchema, windowOutSchema } from "@/lib/blackout/schemas";
import { createGlobalGuardSchema, globalGuardOutSchema, patchGlobalGuardSchema } from "@/lib/global-guards/schemas";
import { planOutSchema } from "@/lib/trials/plan";
import { type Json, body, errors, list, ok, pathId, ref, schema } from "./helpers";

const statsOutSchema = z.object({
  score: z.number().int().nullable().describe("100 × (0.7 × succeeded share + 0.3 × passed-check share), rounded"),
  trials_considered: z.number().int().describe("The latest 20 trials that ended Succeeded, Failed or Aborted"),
  succeeded: z.number().int(),
  failed: z.number().int(),
  checks_passed: z.number().int().describe("Guard checks and steps with expectations that passed"),
  checks_total: z.number().int(),
  check_pass_rate: z.number().nullable(),
  trend: z.array(z.object({ date: z.string(), score: z.number().int().nullable(), trials: z.number().int() })),
});

const scoreSummaryOutSchema = z.object({
  lowest: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        score: z.number().int(),
        trials_considered: z.number().int(),
      }),
    )
    .describe("The lowest scores first (at most `limit`)"),
  scored: z.number().int().describe("Experiments with at least one trial that ended Succeeded, Failed or Aborted"),
  unscored: z.number().int().describe("Experiments with none yet"),
  average: z.number().int().nullable().describe("The mean of the scores, rounded"),
});

const forbidden = ok("Your role may not do this", ref("Detail"));

export function safetyPaths(): Json {
  const id = pathId("id", "Id");
  return {
    "/blackout": {
      get: {
        tags: ["safety"],
        summary: "Blackout windows: no trial starts inside one (global ones, and each experiment's own)",
        parameters: [{ name: "experiment", in: "query", schema: { type: "string", format: "uuid" } }],
        responses: { "200": ok("Windows", list("BlackoutWindow")), "400": errors["400"] },
      },
      post: {
        tags: ["safety"],
        summary: "Create a window: recurring (cron + duration, in a time zone) or fixed (from … to …). Global: admins",
        requestBody: body("BlackoutWindowCreate"),
        responses: { "201": ok("Created", ref("BlackoutWindow")), "400": errors["400"], "403": forbidden },
      },
    },
    "/blackout/{id}": {
      parameters: [id],
      get: {
        tags: ["safety"],
        summary: "A window",
        responses: { "200": ok("Window", ref("BlackoutWindow")), ...errors },
      },
      patch: {
        tags: ["safety"],
        summary: "Change a window (global ones: admins)",
        requestBody: body("BlackoutWindowPatch"),
        responses: { "200": ok("Updated", ref("BlackoutWindow")), ...errors, "403": forbidden },
      },
      delete: {
        tags: ["safety"],
        summary: "Delete a window",
        responses: { "204": ok("Deleted"), ...errors, "403": forbidden },
      },
    },
    "/guard": {
      get: {
        tags: ["safety"],
        summary: "Global guards: probes watched all the time that set the signal to PAUSE or STOP when they fail",
        responses: { "200": ok("Guards", list("GlobalGuard")) },
      },
      post: {
        tags: ["safety"],
        summary: "Create a global guard (admins)",
        requestBody: body("GlobalGuardCreate"),
        responses: { "201": ok("Created", ref("GlobalGuard")), "400": errors["400"], "403": forbidden },
      },
    },
    "/guard/{id}": {
      parameters: [id],
      get: {
        tags: ["safety"],
        summary: "A global guard and what it last saw",
        responses: { "200": ok("Guard", ref("GlobalGuard")), ...errors },
      },
      patch: {
        tags: ["safety"],
        summary: "Change a global guard (admins)",
        requestBody: body("GlobalGuardPatch"),
        responses: { "200": ok("Updated", ref("GlobalGuard")), ...errors, "403": forbidden },
      },
      delete: {
        tags: ["safety"],
        summary: "Delete a global guard (admins)",
        responses: { "204": ok("Deleted"), ...errors, "403": forbidden },
      },
    },
    "/stats/scores": {
      get: {
        tags: ["experiment"],
        summary: "Every experiment's resilience score at once (the newest 500 experiments), the lowest first",
        parameters: [{ name: "limit", in: "query", schema: { type: "integer", default: 8, minimum: 1, maximum: 100 } }],
        responses: { "200": ok("Scores", ref("ScoreSummary")), "400": errors["400"] },
      },
    },
    "/experiment/{id}/stats": {
      parameters: [pathId("id", "Experiment id")],
      get: {
        tags: ["experiment"],
        summary: "The experiment's resilience score from its recent trials, and the trend over 30 days",
        responses: { "200": ok("Stats", ref("ExperimentStats")), ...errors },
      },
    },
  };
}

export function safetySchemas(): Json {
  return {
    BlackoutWindow: schema(windowOutSchema, "output"),
    BlackoutWindowCreate: schema(createWindowSchema, "input"),
    BlackoutWindowPatch: schema(patchWindowSchema, "input"),
    GlobalGuard: schema(globalGuardOutSchema, "output"),
    GlobalGuardCreate: schema(createGlobalGuardSchema, "input"),
    GlobalGuardPatch: schema(patchGlobalGuardSchema, "input"),
    ExperimentStats: schema(statsOutSchema, "output"),
    ScoreSummary: schema(scoreSummaryOutSchema, "output"),
    TrialPlan: schema(planOutSchema, "output"),
  };
}
