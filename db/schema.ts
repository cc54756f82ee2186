import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { TRIAL_STATUSES } from "../lib/trials/statuses";

// Every time is UTC milliseconds since the epoch; presentation code formats it.
const timeMs = (name: string) => integer(name, { mode: "number" });
const createdAt = () =>
  timeMs("created_at")
    .notNull()
    .$defaultFn(() => Date.now());
const updatedAt = () =>
  timeMs("updated_at")
    .notNull()
    .$defaultFn(() => Date.now())
    .$onUpdate(() => Date.now());
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

export type JsonObject = Record<string, unknown>;

/** One step of an experiment: `do` names `<module>.<action>`, `where` holds its arguments. */
export type Step = {
  step?: string;
  do: string;
  where: JsonObject;
  expect?: JsonObject[];
};

/**
 * A guard: a probe step that runs every `interval_seconds` alongside the trial's steps; more than
 * `tolerance` failures in a row stop the trial (the running step is aborted, post_steps run).
 */
export type Guard = Step & { name?: string; interval_seconds: number; tolerance: number };

export { TRIAL_STATUSES, type TrialStatus } from "../lib/trials/statuses";

export const CONCURRENCY_POLICIES = ["Forbid", "Allow", "Replace"] as const;
export type ConcurrencyPolicy = (typeof CONCURRENCY_POLICIES)[number];

/** What an experiment is made of: the same columns in the experiment and in each of its revisions. */
const definition = () => ({
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  metadata: json<JsonObject>("metadata").notNull(),
  parameters: json<JsonObject>("parameters").notNull(),
  preSteps: json<Step[]>("pre_steps").notNull(),
  steps: json<Step[]>("steps").notNull(),
  postSteps: json<Step[]>("post_steps").notNull(),
  guards: json<Guard[]>("guards").notNull().default([]),
});

export const experiments = sqliteTable(
  "experiments",
  {
    id: text("id").primaryKey(),
    ...definition(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Soft delete: lists hide the row, detail by id still answers (Kallisti behaviour).
    deletedAt: timeMs("deleted_at"),
    // Grows at every change; the definition of each revision is kept in experiment_revisions.
    revision: integer("revision").notNull().default(1),
  },
  // The list's order: newest first, ties by id (UUIDv7, creation order), read from the index alone.
  (t) => [index("experiments_live_created_idx").on(t.deletedAt, t.createdAt, t.id)],
);

/**
 * Every definition an experiment has had, immutable. A trial points at the revision it was
 * launched with, so it runs (and recovers, and reports) exactly that, whatever was edited since.
 */
export const experimentRevisions = sqliteTable(
  "experiment_revisions",
  {
    experimentId: text("experiment_id")
      .notNull()
      .references(() => experiments.id),
    revision: integer("revision").notNull(),
    ...definition(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.revision] })],
);

export const schedules = sqliteTable(
  "schedules",
  {
    id: text("id").primaryKey(),
    experimentId: text("experiment_id")
      .notNull()
      .references(() => experiments.id),
    parameters: json<JsonObject>("parameters").notNull(),
    metadata: json<JsonObject>("metadata").notNull(),
    ticket: json<JsonObject>("ticket").notNull(),
    // Guards the schedule adds to its trials (on top of the experiment's).
    guards: json<Guard[]>("guards").notNull().default([]),
    recurrencePattern: text("recurrence_pattern").notNull(),
    recurrenceCount: integer("recurrence_count"),
    recurrenceLeft: integer("recurrence_left"),
    timezone: text("timezone").notNull().default("UTC"),
    concurrencyPolicy: text("concurrency_policy", { enum: CONCURRENCY_POLICIES }).notNull().default("Forbid"),
    startingDeadlineSeconds: integer("starting_deadline_seconds"),
    historyLimit: integer("history_limit"),
    paused: integer("paused", { mode: "boolean" }).notNull().default(false),
    // The next due slot; null when the schedule can never fire again (paused, ran down, deleted).
    nextRunAt: timeMs("next_run_at"),
    // The last slot the scheduler handled; `@every` counts from it so intervals never drift.
    lastScheduledAt: timeMs("last_scheduled_at"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timeMs("deleted_at"),
  },
  (t) => [
    index("schedules_experiment_idx").on(t.experimentId, t.createdAt, t.id),
    index("schedules_due_idx").on(t.nextRunAt),
  ],
);

export const trials = sqliteTable(
  "trials",
  {
    id: text("id").primaryKey(),
    experimentId: text("experiment_id")
      .notNull()
      .references(() => experiments.id),
    scheduleId: text("schedule_id").references(() => schedules.id),
    parameters: json<JsonObject>("parameters").notNull(),
    metadata: json<JsonObject>("metadata").notNull(),
    ticket: json<JsonObject>("ticket").notNull(),
    status: text("status", { enum: TRIAL_STATUSES }).notNull().default("Scheduled"),
    // Why the trial ended as it did (skip reason, who stopped it, the failure), for people and filters.
    statusReason: text("status_reason"),
    records: json<JsonObject>("records").notNull(),
    initiatedBy: text("initiated_by").notNull(),
    initiatedFrom: text("initiated_from").notNull().default("unknown"),
    // The slot a schedule fired for (or the creation time of an API trial); the executor's queue order.
    scheduledFor: timeMs("scheduled_for").notNull(),
    executedAt: timeMs("executed_at"),
    completedAt: timeMs("completed_at"),
    stopRequestedBy: text("stop_requested_by"),
    // The runner that owns the trial and the lease epoch it held then: every runner write is fenced
    // on both, so a runner that lost the lease (stalled, partitioned) can no longer change the trial.
    runnerId: text("runner_id"),
    runnerEpoch: integer("runner_epoch"),
    // The experiment revision the trial was launched with (its definition is in experiment_revisions).
    experimentRevision: integer("experiment_revision").notNull().default(1),
    // Guards the trial (or its schedule) adds to the experiment's, and what every guard saw.
    guards: json<Guard[]>("guards").notNull().default([]),
    guardRecord: json<JsonObject>("guard_record").notNull().default({}),
    // Checks of the trial (guard checks and steps with expectations), for the resilience score.
    checksPassed: integer("checks_passed").notNull().default(0),
    checksTotal: integer("checks_total").notNull().default(0),
    // An admin started it inside a blackout window: why (audited).
    blackoutOverride: text("blackout_override"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // A due slot becomes at most one trial, whatever happens to the runner.
    uniqueIndex("trials_schedule_slot_uq").on(t.scheduleId, t.scheduledFor),
    // The Forbid/Replace check at every firing: the schedule's active trials, read from the
    // index alone (covering, so the planner never prefers walking the schedule's history). With
    // updated_at, the version of a schedule's embedded `trials` is read from it too.
    index("trials_schedule_active_idx").on(t.scheduleId, t.status, t.scheduledFor, t.id, t.updatedAt),
    index("trials_queue_idx").on(t.status, t.scheduledFor, t.createdAt),
    // The lists, newest first, in their exact order (creation time, then id: UUIDv7, so creation
    // order within a millisecond), read from the index alone: a deep offset walks the index without
    // sorting each millisecond's ties; experiment_id is there for the deleted-experiment filter.
    index("trials_experiment_idx").on(t.experimentId, t.createdAt, t.id),
    index("trials_created_idx").on(t.createdAt, t.id, t.experimentId, t.status),
    index("trials_status_created_idx").on(t.status, t.createdAt, t.id, t.experimentId),
    index("trials_schedule_created_idx").on(t.scheduleId, t.createdAt, t.id, t.experimentId),
    // A schedule's `trials` (Kallisti embeds them), in its order, without reading the rows.
    index("trials_schedule_brief_idx").on(t.scheduleId, t.executedAt, t.scheduledFor, t.status, t.id),
  ],
);

/**
 * How many trials each experiment has in each status, kept exact by triggers on `trials` (see the
 * migration), so that a list's total at a million trials costs a few rows, not a scan.
 */
export const trialCounts = sqliteTable(
  "trial_counts",
  {
    experimentId: text("experiment_id").notNull(),
    status: text("status", { enum: TRIAL_STATUSES }).notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.status] })],
);

/** Trials per UTC day (days since 1970), experiment and status, kept by triggers as trial_counts is. */
export const trialDays = sqliteTable(
  "trial_days",
  {
    day: integer("day").notNull(),
    experimentId: text("experiment_id").notNull(),
    status: text("status", { enum: TRIAL_STATUSES }).notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.experimentId, t.status] })],
);

/**
 * The single runner lease: the holder heartbeats; another runner takes over once it expires.
 * `epoch` grows at every change of holder and is the fencing token of every runner write.
 */
export const runnerLease = sqliteTable("runner_lease", {
  id: integer("id").primaryKey(),
  holder: text("holder").notNull(),
  acquiredAt: timeMs("acquired_at").notNull(),
  heartbeatAt: timeMs("heartbeat_at").notNull(),
  expiresAt: timeMs("expires_at").notNull(),
  epoch: integer("epoch").notNull().default(0),
  // How many times the supervisor restarted the runner process that holds the lease.
  restarts: integer("restarts").notNull().default(0),
});

export const WINDOW_KINDS = ["recurring", "fixed"] as const;
export const WINDOW_ON_RUNNING = ["finish", "stop"] as const;

/**
 * No chaos during a blackout window: global (no experiment) or one experiment's. A recurring window
 * opens at each `cron` slot in `timezone` and lasts `duration_seconds`; a fixed one spans
 * [starts_at, ends_at). `on_running` says what happens to a trial already running when it opens.
 */
export const blackoutWindows = sqliteTable(
  "blackout_windows",
  {
    id: text("id").primaryKey(),
    experimentId: text("experiment_id").references(() => experiments.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: WINDOW_KINDS }).notNull(),
    cron: text("cron"),
    durationSeconds: integer("duration_seconds"),
    timezone: text("timezone").notNull().default("UTC"),
    startsAt: timeMs("starts_at"),
    endsAt: timeMs("ends_at"),
    onRunning: text("on_running", { enum: WINDOW_ON_RUNNING }).notNull().default("finish"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timeMs("deleted_at"),
  },
  (t) => [index("blackout_windows_experiment_idx").on(t.experimentId, t.deletedAt)],
);

export const GUARD_ACTIONS = ["PAUSE", "STOP"] as const;

/** Probes watched all the time by the runner; when one fails past its tolerance the signal is set. */
export const globalGuards = sqliteTable("global_guards", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  step: json<Step>("step").notNull(),
  intervalSeconds: integer("interval_seconds").notNull().default(30),
  tolerance: integer("tolerance").notNull().default(0),
  action: text("action", { enum: GUARD_ACTIONS }).notNull().default("PAUSE"),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  // What the guard last saw, for people: when, whether it passed, and the failure if not.
  lastCheckedAt: timeMs("last_checked_at"),
  lastOk: integer("last_ok", { mode: "boolean" }),
  lastMessage: text("last_message"),
  trippedAt: timeMs("tripped_at"),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Sign-in attempts within the throttle's window, per key (an account's address, a client's
 * address): `pending` while the password is being checked, then failed (a right password deletes
 * the key's failures). In the database, so that every web process counts the same attempts
 * (lib/auth/rate-limit.ts owns it).
 */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    at: timeMs("at").notNull(),
    pending: integer("pending", { mode: "boolean" }).notNull(),
  },
  (t) => [index("sign_in_attempts_key_idx").on(t.key, t.at), index("sign_in_attempts_at_idx").on(t.at)],
);

export const SIGNAL_STATES = ["RUN", "PAUSE", "STOP"] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];

/** The global RUN/PAUSE/STOP switch: one row, with who set it, when and why. */
export const signalState = sqliteTable("signal_state", {
  id: integer("id").primaryKey(),
  state: text("state", { enum: SIGNAL_STATES }).notNull(),
  reason: text("reason").notNull().default(""),
  setBy: text("set_by").notNull(),
  setAt: timeMs("set_at").notNull(),
});

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    // Stored lower-cased; sign-in is case-insensitive on the address.
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    // scrypt hash (`scrypt$N$r$p$salt$hash`); null for accounts that only sign in through OIDC.
    passwordHash: text("password_hash"),
    role: text("role", { enum: ROLES }).notNull().default("viewer"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    disabledAt: timeMs("disabled_at"),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);

/** API tokens: only a SHA-256 of the token is kept; the token itself is shown once. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    // The first characters, so people can tell their tokens apart.
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    expiresAt: timeMs("expires_at"),
    lastUsedAt: timeMs("last_used_at"),
    revokedAt: timeMs("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Who changed what, when: every write through the API and every signal change. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    at: timeMs("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    // Before/after of the changed fields, secrets masked.
    summary: json<JsonObject>("summary").notNull(),
  },
  (t) => [index("audit_events_at_idx").on(t.at)],
);

/**
 * Counters and histograms the runner and the API record as things happen (trials ended, schedule
 * firings, guard trips), kept in the database so that whichever process serves /metrics reports
 * the same totals, and they survive restarts. One row per series: a histogram is stored as its
 * `_bucket` (with `le` among the labels), `_sum` and `_count` rows. Owned by lib/metrics.
 */
export const metricValues = sqliteTable(
  "metric_values",
  {
    name: text("name").notNull(),
    // The series' labels as canonical JSON (keys sorted), e.g. {"experiment_id":"…","status":"Failed"}.
    labels: text("labels").notNull(),
    value: real("value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.name, t.labels] })],
);

// "failed": only trials that did not succeed (Failed, Aborted, Invalid, Stopped).
export const NOTIFY_ON = ["all", "failed"] as const;
export type NotifyOn = (typeof NOTIFY_ON)[number];

/** SMTP, Slack and Grafana settings (secrets included: never returned by the API, never logged). */
export type NotificationChannels = {
  email: {
    enabled: boolean;
    on: NotifyOn;
    host: string;
    port: number;
    secure: boolean;
    username: string;
    password: string;
    from: string;
  };
  slack: { enabled: boolean; on: NotifyOn; webhook_url: string };
  grafana: { enabled: boolean; url: string; token: string; dashboard_uid: string; tags: string[] };
};

/** One row (id 1): Kallisti's notification e-mail list, and how Eris delivers notifications. */
export const notificationSettings = sqliteTable("notification_settings", {
  id: integer("id").primaryKey(),
  emails: json<string[]>("emails").notNull().default([]),
  channels: json<Partial<NotificationChannels>>("channels").notNull().default({}),
  updatedBy: text("updated_by").notNull().default("default"),
  updatedAt: timeMs("updated_at").notNull().default(0),
});

export const NOTIFICATION_CHANNELS = ["email", "slack", "grafana"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Every notification sent or tried: per channel, the last one shows whether delivery works. */
export const notificationDeliveries = sqliteTable(
  "notification_deliveries",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    // trial.started, trial.completed or test
    event: text("event").notNull(),
    trialId: text("trial_id"),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    attempts: integer("attempts").notNull(),
    error: text("error"),
    // What the receiver answered that a later delivery needs (Grafana's annotation id).
    ref: text("ref"),
    at: timeMs("at").notNull(),
  },
  (t) => [
    index("notification_deliveries_channel_idx").on(t.channel, t.at, t.id),
    index("notification_deliveries_trial_idx").on(t.trialId, t.channel),
  ],
);

export type Experiment = typeof experiments.$inferSelect;
export type NewExperiment = typeof experiments.$inferInsert;
export type ExperimentRevision = typeof experimentRevisions.$inferSelect;
export type Schedule = typeof schedules.$inferSelect;
export type NewSchedule = typeof schedules.$inferInsert;
export type Trial = typeof trials.$inferSelect;
export type NewTrial = typeof trials.$inferInsert;
export type RunnerLease = typeof runnerLease.$inferSelect;
export type User = typeof users.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type BlackoutWindow = typeof blackoutWindows.$inferSelect;
export type NewBlackoutWindow = typeof blackoutWindows.$inferInsert;
export type GlobalGuard = typeof globalGuards.$inferSelect;
export type MetricValue = typeof metricValues.$inferSelect;
export type NotificationSettingsRow = typeof notificationSettings.$inferSelect;
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;
