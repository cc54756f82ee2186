DROP INDEX "trials_created_at_idx";--> statement-breakpoint
DROP INDEX "experiments_live_created_idx";--> statement-breakpoint
DROP INDEX "notification_deliveries_channel_idx";--> statement-breakpoint
DROP INDEX "schedules_experiment_idx";--> statement-breakpoint
DROP INDEX "trials_experiment_idx";--> statement-breakpoint
DROP INDEX "trials_created_idx";--> statement-breakpoint
DROP INDEX "trials_status_created_idx";--> statement-breakpoint
DROP INDEX "trials_schedule_created_idx";--> statement-breakpoint
CREATE INDEX "experiments_live_created_idx" ON "experiments" USING btree ("deleted_at","created_at","id");--> statement-breakpoint
CREATE INDEX "notification_deliveries_channel_idx" ON "notification_deliveries" USING btree ("channel","at","id");--> statement-breakpoint
CREATE INDEX "schedules_experiment_idx" ON "schedules" USING btree ("experiment_id","created_at","id");--> statement-breakpoint
CREATE INDEX "trials_experiment_idx" ON "trials" USING btree ("experiment_id","created_at","id");--> statement-breakpoint
CREATE INDEX "trials_created_idx" ON "trials" USING btree ("created_at","id","experiment_id","status");--> statement-breakpoint
CREATE INDEX "trials_status_created_idx" ON "trials" USING btree ("status","created_at","id","experiment_id");--> statement-breakpoint
CREATE INDEX "trials_schedule_created_idx" ON "trials" USING btree ("schedule_id","created_at","id","experiment_id");