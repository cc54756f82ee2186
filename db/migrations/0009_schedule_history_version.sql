DROP INDEX `trials_schedule_active_idx`;--> statement-breakpoint
CREATE INDEX `trials_schedule_active_idx` ON `trials` (`schedule_id`,`status`,`scheduled_for`,`id`,`updated_at`);