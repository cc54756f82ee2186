CREATE TABLE `metric_values` (
	`name` text NOT NULL,
	`labels` text NOT NULL,
	`value` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`name`, `labels`)
);
--> statement-breakpoint
CREATE TABLE `notification_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`event` text NOT NULL,
	`trial_id` text,
	`ok` integer NOT NULL,
	`attempts` integer NOT NULL,
	`error` text,
	`ref` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notification_deliveries_channel_idx` ON `notification_deliveries` (`channel`,`at`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_trial_idx` ON `notification_deliveries` (`trial_id`,`channel`);--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`emails` text DEFAULT '[]' NOT NULL,
	`channels` text DEFAULT '{}' NOT NULL,
	`updated_by` text DEFAULT 'default' NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL
);
