ALTER TABLE "audit_events" ALTER COLUMN "summary" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiment_revisions" ALTER COLUMN "metadata" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiment_revisions" ALTER COLUMN "parameters" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiment_revisions" ALTER COLUMN "pre_steps" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiment_revisions" ALTER COLUMN "steps" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiment_revisions" ALTER COLUMN "post_steps" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiment_revisions" ALTER COLUMN "guards" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiment_revisions" ALTER COLUMN "guards" SET DEFAULT '[]'::json;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "metadata" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "parameters" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "pre_steps" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "steps" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "post_steps" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "guards" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "experiments" ALTER COLUMN "guards" SET DEFAULT '[]'::json;--> statement-breakpoint
ALTER TABLE "global_guards" ALTER COLUMN "step" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "notification_settings" ALTER COLUMN "emails" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "notification_settings" ALTER COLUMN "emails" SET DEFAULT '[]'::json;--> statement-breakpoint
ALTER TABLE "notification_settings" ALTER COLUMN "channels" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "notification_settings" ALTER COLUMN "channels" SET DEFAULT '{}'::json;--> statement-breakpoint
ALTER TABLE "schedules" ALTER COLUMN "parameters" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "schedules" ALTER COLUMN "metadata" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "schedules" ALTER COLUMN "ticket" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "schedules" ALTER COLUMN "guards" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "schedules" ALTER COLUMN "guards" SET DEFAULT '[]'::json;--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "parameters" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "metadata" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "ticket" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "records" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "guards" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "guards" SET DEFAULT '[]'::json;--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "guard_record" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "guard_record" SET DEFAULT '{}'::json;