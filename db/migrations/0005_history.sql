CREATE TABLE `trial_counts` (
	`experiment_id` text NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`experiment_id`, `status`)
);
--> statement-breakpoint
DROP INDEX `trials_created_idx`;--> statement-breakpoint
CREATE INDEX `trials_status_created_idx` ON `trials` (`status`,`created_at`,`experiment_id`);--> statement-breakpoint
CREATE INDEX `trials_schedule_created_idx` ON `trials` (`schedule_id`,`created_at`,`experiment_id`);--> statement-breakpoint
CREATE INDEX `trials_schedule_brief_idx` ON `trials` (`schedule_id`,`executed_at`,`scheduled_for`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `trials_created_idx` ON `trials` (`created_at`,`experiment_id`,`status`);--> statement-breakpoint
-- trial_counts follows every insert, status change and delete of a trial, whoever writes it.
CREATE TRIGGER `trial_counts_insert` AFTER INSERT ON `trials` BEGIN
  INSERT INTO `trial_counts` (`experiment_id`, `status`, `n`) VALUES (NEW.`experiment_id`, NEW.`status`, 1)
    ON CONFLICT (`experiment_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `trial_counts_delete` AFTER DELETE ON `trials` BEGIN
  UPDATE `trial_counts` SET `n` = `n` - 1 WHERE `experiment_id` = OLD.`experiment_id` AND `status` = OLD.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `trial_counts_update` AFTER UPDATE OF `status`, `experiment_id` ON `trials`
  WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`experiment_id` IS NOT NEW.`experiment_id` BEGIN
  UPDATE `trial_counts` SET `n` = `n` - 1 WHERE `experiment_id` = OLD.`experiment_id` AND `status` = OLD.`status`;
  INSERT INTO `trial_counts` (`experiment_id`, `status`, `n`) VALUES (NEW.`experiment_id`, NEW.`status`, 1)
    ON CONFLICT (`experiment_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
INSERT INTO `trial_counts` (`experiment_id`, `status`, `n`)
  SELECT `experiment_id`, `status`, count(*) FROM `trials` GROUP BY `experiment_id`, `status`;
