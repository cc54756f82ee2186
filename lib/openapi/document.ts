/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and shape
 * responses, so the reference cannot drift from the behaviour.
 */
import { z } from "zod";
import {
  createExperimentSchema,
  experimentOutSchema,
  patchExperimentSchema,
  revisionOutSchema,
  savedExperimentOutSchema,
} from "@/lib/experiments/schemas";
import { importOutSchema } from "@/lib/import/schemas";
import { runnerStatusSchema } from "@/lib/runner/status";
import { importPaths } from "./import-paths";
import {
  patchScheduleSchema,
  previewOutSchema,
  replaceScheduleSchema,
  scheduleOutSchema,
  scheduleSchema,
} from "@/lib/schedules/schemas";
import { setSignalSchema, signalOutSchema } from "@/lib/signal/schemas";
import { createUserSchema, setupSchema, tokenRequestSchema, updateUserSchema } from "@/lib/users/schemas";
import { createTrialSchema, trialFiltersSchema, trialOutSchema } from "@/lib/trials/schemas";
import pkg from "@/package.json" with { type: "json" };
import {
  type Json,
  body,
  errors,
  etagHeader,
  list,
  notModified,
  ok,
  pageHeaders,
  pageParams,
  pathId,
  queryParams,
  ref,
  schema,
} from "./helpers";
import { operationsPaths, operationsSchemas } from "./operations";
import { safetyPaths, safetySchemas } from "./safety";

export function openApiDocument(): Json {
  const exp = pathId("id", "Experiment id");
  const sid = pathId("sid", "Schedule id");
  return {
    openapi: "3.1.0",
    info: {
      title: "Eris API",
      version: pkg.version,
      description:
        "Kallisti-compatible REST API of Eris. Every path answers with and without a trailing slash. Lists are bare JSON arrays, newest first. Bodies are JSON; as in Kallisti, flat fields (strings, integers, booleans) may also come as application/x-www-form-urlencoded or multipart/form-data, and integer fields accept integer strings. UUIDs are accepted in any case.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "experiment" },
      { name: "trial" },
      { name: "schedule" },
      { name: "system" },
      { name: "access" },
      { name: "safety" },
      { name: "notification" },
    ],
    security: [{ bearer: [] }],
    paths: {
      "/experiment": {
        get: {
          tags: ["experiment"],
          summary: "List live experiments (search in name/description; filter by a metadata label key or key:value)",
          parameters: [
            { name: "search", in: "query", schema: { type: "string" } },
            { name: "label", in: "query", schema: { type: "string" }, example: "team:payments" },
            ...pageParams,
          ],
          responses: {
            "200": ok("Experiments", list("Experiment"), { ...pageHeaders, ...etagHeader }),
            ...notModified,
          },
        },
        post: {
          tags: ["experiment"],
          summary: "Create an experiment",
          requestBody: body("ExperimentCreate"),
          responses: {
            "201": ok("Created; `warnings` lists what will fail when it runs", ref("SavedExperiment")),
            ...errors,
          },
        },
      },
      "/experiment/{id}": {
        parameters: [exp],
        get: {
          tags: ["experiment"],
          summary: "Get an experiment (deleted ones too)",
          responses: { "200": ok("Experiment", ref("Experiment"), etagHeader), ...notModified, ...errors },
        },
        put: {
          tags: ["experiment"],
          summary: "Replace an experiment (name and steps required)",
          requestBody: body("ExperimentCreate"),
          responses: {
            "200": ok("Updated; `warnings` lists what will fail when it runs", ref("SavedExperiment")),
            ...errors,
          },
        },
        patch: {
          tags: ["experiment"],
          summary: "Update some fields",
          requestBody: body("ExperimentPatch"),
          responses: {
            "200": ok("Updated; `warnings` lists what will fail when it runs", ref("SavedExperiment")),
            ...errors,
          },
        },
        delete: {
          tags: ["experiment"],
          summary: "Soft-delete an experiment and its schedules",
          responses: { "204": ok("Deleted"), ...errors },
        },
      },
      "/experiment/{id}/revisions": {
        parameters: [exp],
        get: {
          tags: ["experiment"],
          summary: "Every definition the experiment has had, newest first, with who changed it and when",
          parameters: pageParams,
          responses: { "200": ok("Revisions", list("ExperimentRevision"), pageHeaders), ...errors },
        },
      },
      "/experiment/{id}/revisions/{revision}": {
        parameters: [exp, { name: "revision", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        get: {
          tags: ["experiment"],
          summary: "One revision of the experiment: its definition as it was",
          responses: { "200": ok("Revision", ref("ExperimentRevision")), ...errors },
        },
      },
      ...importPaths({ ok, ref, errors, exp }),
      "/experiment/{id}/schedule": {
        parameters: [exp],
        get: {
          tags: ["schedule"],
          summary: "List the experiment's schedules",
          parameters: pageParams,
          responses: {
            "200": ok("Schedules", list("Schedule"), { ...pageHeaders, ...etagHeader }),
            ...notModified,
            ...errors,
          },
        },
        post: {
          tags: ["schedule"],
          summary: "Create a schedule",
          requestBody: body("ScheduleWrite"),
          responses: { "201": ok("Created", ref("Schedule")), ...errors },
        },
      },
      "/experiment/{id}/schedule/{sid}": {
        parameters: [exp, sid],
        get: {
          tags: ["schedule"],
          summary: "Get a schedule (deleted ones too)",
          responses: { "200": ok("Schedule", ref("Schedule"), etagHeader), ...notModified, ...errors },
        },
        put: {
          tags: ["schedule"],
          summary:
            "Replace a schedule: Kallisti's omitted fields reset to their defaults; Eris's extensions (paused, timezone, concurrency_policy, starting_deadline_seconds, history_limit) keep their values when omitted",
          requestBody: body("ScheduleReplace"),
          responses: { "200": ok("Updated", ref("Schedule")), ...errors },
        },
        patch: {
          tags: ["schedule"],
          summary: 'Update some fields (pause: {"paused": true})',
          requestBody: body("SchedulePatch"),
          responses: { "200": ok("Updated", ref("Schedule")), ...errors },
        },
        delete: {
          tags: ["schedule"],
          summary: "Soft-delete a schedule",
          responses: { "204": ok("Deleted"), ...errors },
        },
      },
      "/schedule/preview": {
        get: {
          tags: ["schedule"],
          summary: "Preview a pattern: next fire times (UTC and local) and a description",
          parameters: [
            { name: "pattern", in: "query", required: true, schema: { type: "string" }, example: "0 9 * * 1-5" },
            { name: "timezone", in: "query", schema: { type: "string", default: "UTC" }, example: "Europe/Paris" },
            { name: "count", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 10 } },
          ],
          responses: { "200": ok("Preview", ref("SchedulePreview")), "400": errors["400"] },
        },
      },
      "/trial": {
        get: {
          tags: ["trial"],
          summary: "List trials",
          parameters: [...queryParams(trialFiltersSchema), ...pageParams],
          responses: {
            "200": ok("Trials", list("Trial"), { ...pageHeaders, ...etagHeader }),
            ...notModified,
            "400": errors["400"],
          },
        },
        post: {
          tags: ["trial"],
          summary:
            "Run an experiment: create a trial (Scheduled; Skipped under STOP or in a blackout window). With dry_run: true, the resolved plan instead, nothing created",
          requestBody: body("TrialCreate"),
          responses: {
            "200": ok("The dry run's plan (dry_run: true)", ref("TrialPlan")),
            "201": ok("Created", ref("Trial")),
            "400": errors["400"],
            "403": ok("override_blackout by someone who is not an admin", ref("Detail")),
          },
        },
      },
      ...safetyPaths(),
      ...operationsPaths(),
      "/trial/{id}": {
        parameters: [pathId("id", "Trial id")],
        get: {
          tags: ["trial"],
          summary: "Get a trial with its records",
          responses: { "200": ok("Trial", ref("Trial"), etagHeader), ...notModified, ...errors },
        },
      },
      "/trial/{id}/events": {
        parameters: [pathId("id", "Trial id")],
        get: {
          tags: ["trial"],
          summary:
            "The trial as Server-Sent Events: `trial` (the trial, as GET /trial/{id}) at once and after every change, such as a running step's new log lines; `end` once it has ended, then the stream closes",
          responses: {
            "200": { description: "An event stream", content: { "text/event-stream": {} } },
            "404": errors["404"],
          },
        },
      },
      "/trial/{id}/stop": {
        parameters: [pathId("id", "Trial id")],
        put: {
          tags: ["trial"],
          summary: "Stop a trial: a queued one ends Stopped at once, a running one is aborted (post_steps run)",
          responses: {
            "200": ok("The trial", ref("Trial")),
            "403": ok('Already finished: {"message": "..."}', {
              type: "object",
              properties: { message: { type: "string" } },
            }),
            "404": errors["404"],
          },
        },
      },
      "/signal": {
        get: {
          tags: ["system"],
          summary: "The global RUN/PAUSE/STOP signal, who set it, when and why",
          responses: { "200": ok("Signal", ref("Signal")) },
        },
        post: {
          tags: ["system"],
          summary:
            "Set the signal. PAUSE holds before the next step or trial; STOP stops the running trial (post_steps run), stops queued ones and skips new ones",
          requestBody: body("SignalSet"),
          responses: { "200": ok("Signal", ref("Signal")), "400": errors["400"] },
        },
      },
      "/schedule": {
        get: {
          tags: ["schedule"],
          summary:
            "Every live schedule across experiments, with experiment_name, without the embedded trials (a schedule's own detail has them)",
          parameters: pageParams,
          responses: { "200": ok("Schedules", list("Schedule"), pageHeaders) },
        },
      },
      "/schedule/upcoming": {
        get: {
          tags: ["schedule"],
          summary: "Upcoming fire times across all schedules, soonest first",
          parameters: [
            { name: "hours", in: "query", schema: { type: "number", default: 24, maximum: 1488 } },
            { name: "limit", in: "query", schema: { type: "integer", default: 200, maximum: 1000 } },
          ],
          responses: { "200": ok("Runs", { type: "array" }) },
        },
      },
      "/stats/trials": {
        get: {
          tags: ["trial"],
          summary: "Trials per day by outcome and the success rate",
          parameters: [{ name: "days", in: "query", schema: { type: "integer", default: 30, maximum: 366 } }],
          responses: { "200": ok("Stats", { type: "object" }) },
        },
      },
      "/report": {
        get: {
          tags: ["trial"],
          summary:
            "A report of one trial (trial-id) or of many (experiment, schedule, since, until) as xml, json, html, junit, pdf or md",
          parameters: [
            { name: "trial-id", in: "query", schema: { type: "string", format: "uuid" } },
            { name: "experiment", in: "query", schema: { type: "string", format: "uuid" } },
            { name: "schedule", in: "query", schema: { type: "string", format: "uuid" } },
            { name: "since", in: "query", schema: { type: "string", format: "date-time" } },
            { name: "until", in: "query", schema: { type: "string", format: "date-time" } },
            {
              name: "format",
              in: "query",
              schema: { type: "string", enum: ["xml", "json", "html", "junit", "pdf", "md"], default: "xml" },
            },
            {
              name: "tz",
              in: "query",
              description: "IANA time zone the HTML, PDF and Markdown formats show times in (named there)",
              schema: { type: "string", default: "UTC", examples: ["Europe/Paris"] },
            },
          ],
          responses: {
            "200": {
              description: "The report, as an attachment",
              content: {
                "application/xml": {},
                "application/json": {},
                "text/html": {},
                "application/pdf": {},
                "text/markdown": {},
              },
            },
            "400": errors["400"],
            "404": errors["404"],
          },
        },
      },
      "/report/schema": {
        get: {
          tags: ["trial"],
          summary: "JSON Schema of the JSON journal",
          responses: { "200": ok("JSON Schema", { type: "object" }) },
        },
      },
      "/modules": {
        get: {
          tags: ["system"],
          summary: "Modules, actions and their argument JSON Schemas, credential types, expect operators",
          responses: { "200": ok("Catalogue", { type: "object" }) },
        },
      },
      "/auth/token": {
        get: {
          tags: ["access"],
          summary: "Your API tokens (admins: ?user=<id>)",
          responses: { "200": ok("Tokens", { type: "array" }) },
        },
        post: {
          tags: ["access"],
          summary: "Exchange email and password for an API token (shown once)",
          security: [],
          requestBody: body("TokenRequest"),
          responses: {
            "201": ok("The token, in `token`", { type: "object" }),
            "401": ok("Invalid email or password", ref("Detail")),
            "429": ok("Too many failed sign-ins", ref("Detail")),
          },
        },
      },
      "/auth/token/{id}": {
        parameters: [pathId("id", "Token id")],
        delete: {
          tags: ["access"],
          summary: "Revoke a token",
          responses: { "200": ok("Revoked", { type: "object" }), "404": errors["404"] },
        },
      },
      "/auth/me": {
        get: {
          tags: ["access"],
          summary: "Who you are and your role",
          responses: { "200": ok("You", { type: "object" }) },
        },
      },
      "/users": {
        get: { tags: ["access"], summary: "Users (admin)", responses: { "200": ok("Users", { type: "array" }) } },
        post: {
          tags: ["access"],
          summary: "Create a user (admin)",
          requestBody: body("UserCreate"),
          responses: { "201": ok("Created", { type: "object" }), "400": errors["400"] },
        },
      },
      "/users/{id}": {
        parameters: [pathId("id", "User id")],
        get: {
          tags: ["access"],
          summary: "A user (admin)",
          responses: { "200": ok("User", { type: "object" }), "404": errors["404"] },
        },
        patch: {
          tags: ["access"],
          summary: "Change name, password, role or disabled (admin)",
          requestBody: body("UserUpdate"),
          responses: { "200": ok("Updated", { type: "object" }), "400": errors["400"] },
        },
      },
      "/audit": {
        get: {
          tags: ["access"],
          summary: "The audit trail, newest first (admin)",
          parameters: pageParams,
          responses: { "200": ok("Events", { type: "array" }, pageHeaders) },
        },
      },
      "/setup": {
        get: {
          tags: ["access"],
          summary: "Whether the first admin must still be created",
          security: [],
          responses: { "200": ok("State", { type: "object" }) },
        },
        post: {
          tags: ["access"],
          summary: "First run only: create the first admin",
          security: [],
          requestBody: body("Setup"),
          responses: { "201": ok("Created", { type: "object" }), "403": ok("Already set up", ref("Detail")) },
        },
      },
      "/health": {
        get: {
          tags: ["system"],
          summary: "Liveness",
          security: [],
          responses: { "200": ok("Up", { type: "object", properties: { status: { const: "up" } } }) },
        },
      },
      "/openapi.json": {
        get: {
          tags: ["system"],
          summary: "This document: OpenAPI 3.1, generated from the schemas that validate requests",
          security: [],
          responses: { "200": ok("The API reference", { type: "object" }) },
        },
      },
      "/runner": {
        get: {
          tags: ["system"],
          summary: "Runner health: lease holder, heartbeat age, restarts, the trial it runs",
          responses: { "200": ok("Runner", ref("RunnerStatus")) },
        },
      },
      "/info": {
        get: {
          tags: ["system"],
          summary: "Version and build",
          security: [],
          responses: { "200": ok("Info", { type: "object" }) },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token from POST /auth/token (or an external JWT when configured)",
        },
      },
      schemas: {
        TokenRequest: schema(tokenRequestSchema, "input"),
        UserCreate: schema(createUserSchema, "input"),
        UserUpdate: schema(updateUserSchema, "input"),
        Setup: schema(setupSchema, "input"),
        Experiment: schema(experimentOutSchema, "output"),
        SavedExperiment: schema(savedExperimentOutSchema, "output"),
        ExperimentCreate: schema(createExperimentSchema, "input"),
        ExperimentPatch: schema(patchExperimentSchema, "input"),
        ExperimentRevision: schema(revisionOutSchema, "output"),
        Trial: schema(trialOutSchema, "output"),
        TrialCreate: schema(createTrialSchema, "input"),
        Schedule: schema(scheduleOutSchema, "output"),
        ScheduleWrite: schema(scheduleSchema, "input"),
        ScheduleReplace: schema(replaceScheduleSchema, "input"),
        SchedulePatch: schema(patchScheduleSchema, "input"),
        SchedulePreview: schema(previewOutSchema, "output"),
        ImportResult: schema(importOutSchema, "output"),
        Signal: schema(signalOutSchema, "output"),
        RunnerStatus: schema(runnerStatusSchema, "output"),
        SignalSet: schema(setSignalSchema, "input"),
        ...safetySchemas(),
        ...operationsSchemas(),
        Detail: { type: "object", properties: { detail: { type: "string" } }, required: ["detail"] },
        ValidationError: {
          type: "object",
          additionalProperties: { oneOf: [{ type: "array", items: { type: "string" } }, { type: "object" }] },
          example: {
            name: ["This field is required."],
            steps: { "0": { do: ['Must be "<module>.<action>", e.g. "cm.http_probe".'] } },
          },
        },
      },
    },
  };
}
