CREATE TABLE `signal_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`set_by` text NOT NULL,
	`set_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `trials` ADD `runner_id` text;