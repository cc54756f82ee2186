// Generated from db/schema.ts by db/pg/generate.ts (`npm run db:generate-pg`); do not edit by hand.
// The same tables, columns, keys and indexes for PostgreSQL. Integer widths: db/pg/integer-widths.ts.
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  json,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import * as source from "../schema";
import { defaultOf, type JsonOf, onUpdateOf } from "./from-source";

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull().$defaultFn(defaultOf(source.apiTokens.createdAt)),
    expiresAt: bigint("expires_at", { mode: "number" }),
    lastUsedAt: bigint("last_used_at", { mode: "number" }),
    revokedAt: bigint("revoked_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    at: bigint("at", { mode: "number" }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    summary: json("summary").$type<JsonOf<typeof source.auditEvents, "summary">>().notNull(),
  },
  (t) => [index("audit_events_at_idx").on(t.at)],
);

export const blackoutWindows = pgTable(
  "blackout_windows",
  {
    id: text("id").primaryKey(),
    experimentId: text("experiment_id").references(() => experiments.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: source.WINDOW_KINDS }).notNull(),
    cron: text("cron"),
    durationSeconds: integer("duration_seconds"),
    timezone: text("timezone").notNull().default("UTC"),
    startsAt: bigint("starts_at", { mode: "number" }),
    endsAt: bigint("ends_at", { mode: "number" }),
    onRunning: text("on_running", { enum: source.WINDOW_ON_RUNNING }).notNull().default("finish"),
    createdBy: text("created_by").notNull(),
    createdAt: bigint("created_at", { mode: "number" })
      .notNull()
      .$defaultFn(defaultOf(source.blackoutWindows.createdAt)),
    updatedAt: bigint("updated_at", { mode: "number" })
      .notNull()
      .$defaultFn(defaultOf(source.blackoutWindows.updatedAt))
      .$onUpdate(onUpdateOf(source.blackoutWindows.updatedAt)),
    deletedAt: bigint("deleted_at", { mode: "number" }),
  },
  (t) => [index("blackout_windows_experiment_idx").on(t.experimentId, t.deletedAt)],
);

export const experimentRevisions = pgTable(
  "experiment_revisions",
  {
    experimentId: text("experiment_id")
      .notNull()
      .references(() => experiments.id),
    revision: integer("revision").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    metadata: json("metadata").$type<JsonOf<typeof source.experimentRevisions, "metadata">>().notNull(),
    parameters: json("parameters").$type<JsonOf<typeof source.experimentRevisions, "parameters">>().notNull(),
    preSteps: json("pre_steps").$type<JsonOf<typeof source.experimentRevisions, "preSteps">>().notNull(),
    steps: json("steps").$type<JsonOf<typeof source.experimentRevisions, "steps">>().notNull(),
    postSteps: json("post_steps").$type<JsonOf<typeof source.experimentRevisions, "postSteps">>().notNull(),
    guards: json("guards").$type<JsonOf<typeof source.experimentRevisions, "guards">>().notNull().default([]),
    createdBy: text("created_by").notNull(),
    createdAt: bigint("created_at", { mode: "number" })
      .notNull()
      .$defaultFn(defaultOf(source.experimentRevisions.createdAt)),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.revision] })],
);

export const experiments = pgTable(
  "experiments",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    metadata: json("metadata").$type<JsonOf<typeof source.experiments, "metadata">>().notNull(),
    parameters: json("parameters").$type<JsonOf<typeof source.experiments, "parameters">>().notNull(),
    preSteps: json("pre_steps").$type<JsonOf<typeof source.experiments, "preSteps">>().notNull(),
    steps: json("steps").$type<JsonOf<typeof source.experiments, "steps">>().notNull(),
    postSteps: json("post_steps").$type<JsonOf<typeof source.experiments, "postSteps">>().notNull(),
    guards: json("guards").$type<JsonOf<typeof source.experiments, "guards">>().notNull().default([]),
    createdBy: text("created_by").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull().$defaultFn(defaultOf(source.experiments.createdAt)),
    updatedAt: bigint("updated_at", { mode: "number" })
      .notNull()
      .$defaultFn(defaultOf(source.experiments.updatedAt))
      .$onUpdate(onUpdateOf(source.experiments.updatedAt)),
    deletedAt: bigint("deleted_at", { mode: "number" }),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [index("experiments_live_created_idx").on(t.deletedAt, t.createdAt, t.id)],
);

export const globalGuards = pgTable("global_guards", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  step: json("step").$type<JsonOf<typeof source.globalGuards, "step">>().notNull(),
  intervalSeconds: integer("interval_seconds").notNull().default(30),
  tolerance: integer("tolerance").notNull().default(0),
  action: text("action", { enum: source.GUARD_ACTIONS }).notNull().default("PAUSE"),
  enabled: boolean("enabled").notNull().default(true),
  lastCheckedAt: bigint("last_checked_at", { mode: "number" }),
  lastOk: boolean("last_ok"),
  lastMessage: text("last_message"),
  trippedAt: bigint("tripped_at", { mode: "number" }),
  createdBy: text("created_by").notNull(),
  createdAt: bigint("created_at", { mode: "number" }).notNull().$defaultFn(defaultOf(source.globalGuards.createdAt)),
  updatedAt: bigint("updated_at", { mode: "number" })
    .notNull()
    .$defaultFn(defaultOf(source.globalGuards.updatedAt))
    .$onUpdate(onUpdateOf(source.globalGuards.updatedAt)),
});

export const metricValues = pgTable(
  "metric_values",
  {
    name: text("name").notNull(),
    labels: text("labels").notNull(),
    value: doublePrecision("value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.name, t.labels] })],
);

export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: source.NOTIFICATION_CHANNELS }).notNull(),
    event: text("event").notNull(),
    trialId: text("trial_id"),
    ok: boolean("ok").notNull(),
    attempts: integer("attempts").notNull(),
    error: text("error"),
    ref: text("ref"),
    at: bigint("at", { mode: "number" }).notNull(),
  },
  (t) => [
    index("notification_deliveries_channel_idx").on(t.channel, t.at, t.id),
    index("notification_deliveries_trial_idx").on(t.trialId, t.channel),
  ],
);

export const notificationSettings = pgTable("notification_settings", {
  id: integer("id").primaryKey(),
  emails: json("emails").$type<JsonOf<typeof source.notificationSettings, "emails">>().notNull().default([]),
  channels: json("channels").$type<JsonOf<typeof source.notificationSettings, "channels">>().notNull().default({}),
  updatedBy: text("updated_by").notNull().default("default"),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull().default(0),
});

export const runnerLease = pgTable("runner_lease", {
  id: integer("id").primaryKey(),
  holder: text("holder").notNull(),
  acquiredAt: bigint("acquired_at", { mode: "number" }).notNull(),
  heartbeatAt: bigint("heartbeat_at", { mode: "number" }).notNull(),
  expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
  epoch: integer("epoch").notNull().default(0),
  restarts: integer("restarts").notNull().default(0),
});

export const schedules = pgTable(
  "schedules",
  {
    id: text("id").primaryKey(),
    experimentId: text("experiment_id")
      .notNull()
      .references(() => experiments.id),
    parameters: json("parameters").$type<JsonOf<typeof source.schedules, "parameters">>().notNull(),
    metadata: json("metadata").$type<JsonOf<typeof source.schedules, "metadata">>().notNull(),
    ticket: json("ticket").$type<JsonOf<typeof source.schedules, "ticket">>().notNull(),
    guards: json("guards").$type<JsonOf<typeof source.schedules, "guards">>().notNull().default([]),
    recurrencePattern: text("recurrence_pattern").notNull(),
    recurrenceCount: integer("recurrence_count"),
    recurrenceLeft: integer("recurrence_left"),
    timezone: text("timezone").notNull().default("UTC"),
    concurrencyPolicy: text("concurrency_policy", { enum: source.CONCURRENCY_POLICIES }).notNull().default("Forbid"),
    startingDeadlineSeconds: integer("starting_deadline_seconds"),
    historyLimit: integer("history_limit"),
    paused: boolean("paused").notNull().default(false),
    nextRunAt: bigint("next_run_at", { mode: "number" }),
    lastScheduledAt: bigint("last_scheduled_at", { mode: "number" }),
    createdBy: text("created_by").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull().$defaultFn(defaultOf(source.schedules.createdAt)),
    updatedAt: bigint("updated_at", { mode: "number" })
      .notNull()
      .$defaultFn(defaultOf(source.schedules.updatedAt))
      .$onUpdate(onUpdateOf(source.schedules.updatedAt)),
    deletedAt: bigint("deleted_at", { mode: "number" }),
  },
  (t) => [
    index("schedules_experiment_idx").on(t.experimentId, t.createdAt, t.id),
    index("schedules_due_idx").on(t.nextRunAt),
  ],
);

export const signalState = pgTable("signal_state", {
  id: integer("id").primaryKey(),
  state: text("state", { enum: source.SIGNAL_STATES }).notNull(),
  reason: text("reason").notNull().default(""),
  setBy: text("set_by").notNull(),
  setAt: bigint("set_at", { mode: "number" }).notNull(),
});

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    pending: boolean("pending").notNull(),
  },
  (t) => [index("sign_in_attempts_key_idx").on(t.key, t.at), index("sign_in_attempts_at_idx").on(t.at)],
);

export const trialCounts = pgTable(
  "trial_counts",
  {
    experimentId: text("experiment_id").notNull(),
    status: text("status", { enum: source.TRIAL_STATUSES }).notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.status] })],
);

export const trialDays = pgTable(
  "trial_days",
  {
    day: integer("day").notNull(),
    experimentId: text("experiment_id").notNull(),
    status: text("status", { enum: source.TRIAL_STATUSES }).notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.experimentId, t.status] })],
);

export const trials = pgTable(
  "trials",
  {
    id: text("id").primaryKey(),
    experimentId: text("experiment_id")
      .notNull()
      .references(() => experiments.id),
    scheduleId: text("schedule_id").references(() => schedules.id),
    parameters: json("parameters").$type<JsonOf<typeof source.trials, "parameters">>().notNull(),
    metadata: json("metadata").$type<JsonOf<typeof source.trials, "metadata">>().notNull(),
    ticket: json("ticket").$type<JsonOf<typeof source.trials, "ticket">>().notNull(),
    status: text("status", { enum: source.TRIAL_STATUSES }).notNull().default("Scheduled"),
    statusReason: text("status_reason"),
    records: json("records").$type<JsonOf<typeof source.trials, "records">>().notNull(),
    initiatedBy: text("initiated_by").notNull(),
    initiatedFrom: text("initiated_from").notNull().default("unknown"),
    scheduledFor: bigint("scheduled_for", { mode: "number" }).notNull(),
    executedAt: bigint("executed_at", { mode: "number" }),
    completedAt: bigint("completed_at", { mode: "number" }),
    stopRequestedBy: text("stop_requested_by"),
    runnerId: text("runner_id"),
    runnerEpoch: integer("runner_epoch"),
    experimentRevision: integer("experiment_revision").notNull().default(1),
    guards: json("guards").$type<JsonOf<typeof source.trials, "guards">>().notNull().default([]),
    guardRecord: json("guard_record").$type<JsonOf<typeof source.trials, "guardRecord">>().notNull().default({}),
    checksPassed: integer("checks_passed").notNull().default(0),
    checksTotal: integer("checks_total").notNull().default(0),
    blackoutOverride: text("blackout_override"),
    createdAt: bigint("created_at", { mode: "number" }).notNull().$defaultFn(defaultOf(source.trials.createdAt)),
    updatedAt: bigint("updated_at", { mode: "number" })
      .notNull()
      .$defaultFn(defaultOf(source.trials.updatedAt))
      .$onUpdate(onUpdateOf(source.trials.updatedAt)),
  },
  (t) => [
    uniqueIndex("trials_schedule_slot_uq").on(t.scheduleId, t.scheduledFor),
    index("trials_schedule_active_idx").on(t.scheduleId, t.status, t.scheduledFor, t.id, t.updatedAt),
    index("trials_queue_idx").on(t.status, t.scheduledFor, t.createdAt),
    index("trials_experiment_idx").on(t.experimentId, t.createdAt, t.id),
    index("trials_created_idx").on(t.createdAt, t.id, t.experimentId, t.status),
    index("trials_status_created_idx").on(t.status, t.createdAt, t.id, t.experimentId),
    index("trials_schedule_created_idx").on(t.scheduleId, t.createdAt, t.id, t.experimentId),
    index("trials_schedule_brief_idx").on(t.scheduleId, t.executedAt, t.scheduledFor, t.status, t.id),
  ],
);

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    passwordHash: text("password_hash"),
    role: text("role", { enum: source.ROLES }).notNull().default("viewer"),
    createdAt: bigint("created_at", { mode: "number" }).notNull().$defaultFn(defaultOf(source.users.createdAt)),
    updatedAt: bigint("updated_at", { mode: "number" })
      .notNull()
      .$defaultFn(defaultOf(source.users.updatedAt))
      .$onUpdate(onUpdateOf(source.users.updatedAt)),
    disabledAt: bigint("disabled_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);
