CREATE TABLE `experiments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`metadata` text NOT NULL,
	`parameters` text NOT NULL,
	`pre_steps` text NOT NULL,
	`steps` text NOT NULL,
	`post_steps` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `experiments_live_created_idx` ON `experiments` (`deleted_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `runner_lease` (
	`id` integer PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`acquired_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`experiment_id` text NOT NULL,
	`parameters` text NOT NULL,
	`metadata` text NOT NULL,
	`ticket` text NOT NULL,
	`recurrence_pattern` text NOT NULL,
	`recurrence_count` integer,
	`recurrence_left` integer,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`concurrency_policy` text DEFAULT 'Forbid' NOT NULL,
	`starting_deadline_seconds` integer,
	`history_limit` integer,
	`paused` integer DEFAULT false NOT NULL,
	`next_run_at` integer,
	`last_scheduled_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedules_experiment_idx` ON `schedules` (`experiment_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `schedules_due_idx` ON `schedules` (`next_run_at`);--> statement-breakpoint
CREATE TABLE `trials` (
	`id` text PRIMARY KEY NOT NULL,
	`experiment_id` text NOT NULL,
	`schedule_id` text,
	`parameters` text NOT NULL,
	`metadata` text NOT NULL,
	`ticket` text NOT NULL,
	`status` text DEFAULT 'Scheduled' NOT NULL,
	`status_reason` text,
	`records` text NOT NULL,
	`initiated_by` text NOT NULL,
	`initiated_from` text DEFAULT 'unknown' NOT NULL,
	`scheduled_for` integer NOT NULL,
	`executed_at` integer,
	`completed_at` integer,
	`stop_requested_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`schedule_id`) REFERENCES `schedules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trials_schedule_slot_uq` ON `trials` (`schedule_id`,`scheduled_for`);--> statement-breakpoint
CREATE INDEX `trials_queue_idx` ON `trials` (`status`,`scheduled_for`,`created_at`);--> statement-breakpoint
CREATE INDEX `trials_experiment_idx` ON `trials` (`experiment_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `trials_created_idx` ON `trials` (`created_at`);