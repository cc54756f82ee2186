DROP INDEX `trials_created_at_idx`;--> statement-breakpoint
DROP INDEX `trials_experiment_idx`;--> statement-breakpoint
DROP INDEX `trials_created_idx`;--> statement-breakpoint
DROP INDEX `trials_status_created_idx`;--> statement-breakpoint
DROP INDEX `trials_schedule_created_idx`;--> statement-breakpoint
CREATE INDEX `trials_experiment_idx` ON `trials` (`experiment_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `trials_created_idx` ON `trials` (`created_at`,`id`,`experiment_id`,`status`);--> statement-breakpoint
CREATE INDEX `trials_status_created_idx` ON `trials` (`status`,`created_at`,`id`,`experiment_id`);--> statement-breakpoint
CREATE INDEX `trials_schedule_created_idx` ON `trials` (`schedule_id`,`created_at`,`id`,`experiment_id`);--> statement-breakpoint
DROP INDEX `experiments_live_created_idx`;--> statement-breakpoint
CREATE INDEX `experiments_live_created_idx` ON `experiments` (`deleted_at`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `notification_deliveries_channel_idx`;--> statement-breakpoint
CREATE INDEX `notification_deliveries_channel_idx` ON `notification_deliveries` (`channel`,`at`,`id`);--> statement-breakpoint
DROP INDEX `schedules_experiment_idx`;--> statement-breakpoint
CREATE INDEX `schedules_experiment_idx` ON `schedules` (`experiment_id`,`created_at`,`id`);