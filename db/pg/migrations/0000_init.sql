CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint,
	"last_used_at" bigint,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blackout_windows" (
	"id" text PRIMARY KEY NOT NULL,
	"experiment_id" text,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"cron" text,
	"duration_seconds" integer,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"starts_at" bigint,
	"ends_at" bigint,
	"on_running" text DEFAULT 'finish' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"deleted_at" bigint
);
--> statement-breakpoint
CREATE TABLE "experiment_revisions" (
	"experiment_id" text NOT NULL,
	"revision" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"metadata" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"pre_steps" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"post_steps" jsonb NOT NULL,
	"guards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "experiment_revisions_experiment_id_revision_pk" PRIMARY KEY("experiment_id","revision")
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"metadata" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"pre_steps" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"post_steps" jsonb NOT NULL,
	"guards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"deleted_at" bigint,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "global_guards" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"step" jsonb NOT NULL,
	"interval_seconds" integer DEFAULT 30 NOT NULL,
	"tolerance" integer DEFAULT 0 NOT NULL,
	"action" text DEFAULT 'PAUSE' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_checked_at" bigint,
	"last_ok" boolean,
	"last_message" text,
	"tripped_at" bigint,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_values" (
	"name" text NOT NULL,
	"labels" text NOT NULL,
	"value" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_values_name_labels_pk" PRIMARY KEY("name","labels")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"event" text NOT NULL,
	"trial_id" text,
	"ok" boolean NOT NULL,
	"attempts" integer NOT NULL,
	"error" text,
	"ref" text,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"channels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text DEFAULT 'default' NOT NULL,
	"updated_at" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runner_lease" (
	"id" integer PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"acquired_at" bigint NOT NULL,
	"heartbeat_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"epoch" integer DEFAULT 0 NOT NULL,
	"restarts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"experiment_id" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"metadata" jsonb NOT NULL,
	"ticket" jsonb NOT NULL,
	"guards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recurrence_pattern" text NOT NULL,
	"recurrence_count" integer,
	"recurrence_left" integer,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"concurrency_policy" text DEFAULT 'Forbid' NOT NULL,
	"starting_deadline_seconds" integer,
	"history_limit" integer,
	"paused" boolean DEFAULT false NOT NULL,
	"next_run_at" bigint,
	"last_scheduled_at" bigint,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"deleted_at" bigint
);
--> statement-breakpoint
CREATE TABLE "signal_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"set_by" text NOT NULL,
	"set_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trial_counts" (
	"experiment_id" text NOT NULL,
	"status" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "trial_counts_experiment_id_status_pk" PRIMARY KEY("experiment_id","status")
);
--> statement-breakpoint
CREATE TABLE "trial_days" (
	"day" integer NOT NULL,
	"experiment_id" text NOT NULL,
	"status" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "trial_days_day_experiment_id_status_pk" PRIMARY KEY("day","experiment_id","status")
);
--> statement-breakpoint
CREATE TABLE "trials" (
	"id" text PRIMARY KEY NOT NULL,
	"experiment_id" text NOT NULL,
	"schedule_id" text,
	"parameters" jsonb NOT NULL,
	"metadata" jsonb NOT NULL,
	"ticket" jsonb NOT NULL,
	"status" text DEFAULT 'Scheduled' NOT NULL,
	"status_reason" text,
	"records" jsonb NOT NULL,
	"initiated_by" text NOT NULL,
	"initiated_from" text DEFAULT 'unknown' NOT NULL,
	"scheduled_for" bigint NOT NULL,
	"executed_at" bigint,
	"completed_at" bigint,
	"stop_requested_by" text,
	"runner_id" text,
	"runner_epoch" integer,
	"experiment_revision" integer DEFAULT 1 NOT NULL,
	"guards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"guard_record" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checks_passed" integer DEFAULT 0 NOT NULL,
	"checks_total" integer DEFAULT 0 NOT NULL,
	"blackout_override" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text,
	"role" text DEFAULT 'viewer' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"disabled_at" bigint
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blackout_windows" ADD CONSTRAINT "blackout_windows_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_revisions" ADD CONSTRAINT "experiment_revisions_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "blackout_windows_experiment_idx" ON "blackout_windows" USING btree ("experiment_id","deleted_at");--> statement-breakpoint
CREATE INDEX "experiments_live_created_idx" ON "experiments" USING btree ("deleted_at","created_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_channel_idx" ON "notification_deliveries" USING btree ("channel","at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_trial_idx" ON "notification_deliveries" USING btree ("trial_id","channel");--> statement-breakpoint
CREATE INDEX "schedules_experiment_idx" ON "schedules" USING btree ("experiment_id","created_at");--> statement-breakpoint
CREATE INDEX "schedules_due_idx" ON "schedules" USING btree ("next_run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trials_schedule_slot_uq" ON "trials" USING btree ("schedule_id","scheduled_for");--> statement-breakpoint
CREATE INDEX "trials_schedule_active_idx" ON "trials" USING btree ("schedule_id","status","scheduled_for","id");--> statement-breakpoint
CREATE INDEX "trials_queue_idx" ON "trials" USING btree ("status","scheduled_for","created_at");--> statement-breakpoint
CREATE INDEX "trials_experiment_idx" ON "trials" USING btree ("experiment_id","created_at");--> statement-breakpoint
CREATE INDEX "trials_created_idx" ON "trials" USING btree ("created_at","experiment_id","status");--> statement-breakpoint
CREATE INDEX "trials_status_created_idx" ON "trials" USING btree ("status","created_at","experiment_id");--> statement-breakpoint
CREATE INDEX "trials_schedule_created_idx" ON "trials" USING btree ("schedule_id","created_at","experiment_id");--> statement-breakpoint
CREATE INDEX "trials_schedule_brief_idx" ON "trials" USING btree ("schedule_id","executed_at","scheduled_for","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");