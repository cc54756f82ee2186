CREATE TABLE `blackout_windows` (
	`id` text PRIMARY KEY NOT NULL,
	`experiment_id` text,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`cron` text,
	`duration_seconds` integer,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`on_running` text DEFAULT 'finish' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `blackout_windows_experiment_idx` ON `blackout_windows` (`experiment_id`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `global_guards` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`step` text NOT NULL,
	`interval_seconds` integer DEFAULT 30 NOT NULL,
	`tolerance` integer DEFAULT 0 NOT NULL,
	`action` text DEFAULT 'PAUSE' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`last_checked_at` integer,
	`last_ok` integer,
	`last_message` text,
	`tripped_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `experiment_revisions` ADD `guards` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `experiments` ADD `guards` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `schedules` ADD `guards` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `trials` ADD `guards` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `trials` ADD `guard_record` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `trials` ADD `checks_passed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `trials` ADD `checks_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `trials` ADD `blackout_override` text;