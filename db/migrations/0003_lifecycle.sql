CREATE TABLE `experiment_revisions` (
	`experiment_id` text NOT NULL,
	`revision` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`metadata` text NOT NULL,
	`parameters` text NOT NULL,
	`pre_steps` text NOT NULL,
	`steps` text NOT NULL,
	`post_steps` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`experiment_id`, `revision`),
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `experiments` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `runner_lease` ADD `epoch` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `runner_lease` ADD `restarts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `trials` ADD `runner_epoch` integer;--> statement-breakpoint
ALTER TABLE `trials` ADD `experiment_revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `trials_schedule_status_idx` ON `trials` (`schedule_id`,`status`);--> statement-breakpoint
-- Every existing experiment's current definition becomes its revision 1 (existing trials point at it).
INSERT INTO `experiment_revisions` (`experiment_id`, `revision`, `name`, `description`, `metadata`, `parameters`, `pre_steps`, `steps`, `post_steps`, `created_by`, `created_at`)
SELECT `id`, 1, `name`, `description`, `metadata`, `parameters`, `pre_steps`, `steps`, `post_steps`, `created_by`, `updated_at` FROM `experiments`;
