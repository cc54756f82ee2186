CREATE TABLE `trial_days` (
	`day` integer NOT NULL,
	`experiment_id` text NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `experiment_id`, `status`)
);
--> statement-breakpoint
CREATE TRIGGER `trial_days_insert` AFTER INSERT ON `trials` BEGIN
  INSERT INTO `trial_days` (`day`, `experiment_id`, `status`, `n`) VALUES (NEW.`created_at` / 86400000, NEW.`experiment_id`, NEW.`status`, 1)
    ON CONFLICT (`day`, `experiment_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `trial_days_delete` AFTER DELETE ON `trials` BEGIN
  UPDATE `trial_days` SET `n` = `n` - 1
    WHERE `day` = OLD.`created_at` / 86400000 AND `experiment_id` = OLD.`experiment_id` AND `status` = OLD.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `trial_days_update` AFTER UPDATE OF `status`, `experiment_id`, `created_at` ON `trials`
  WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`experiment_id` IS NOT NEW.`experiment_id` OR OLD.`created_at` IS NOT NEW.`created_at` BEGIN
  UPDATE `trial_days` SET `n` = `n` - 1
    WHERE `day` = OLD.`created_at` / 86400000 AND `experiment_id` = OLD.`experiment_id` AND `status` = OLD.`status`;
  INSERT INTO `trial_days` (`day`, `experiment_id`, `status`, `n`) VALUES (NEW.`created_at` / 86400000, NEW.`experiment_id`, NEW.`status`, 1)
    ON CONFLICT (`day`, `experiment_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
INSERT INTO `trial_days` (`day`, `experiment_id`, `status`, `n`)
  SELECT `created_at` / 86400000, `experiment_id`, `status`, count(*) FROM `trials` GROUP BY 1, 2, 3;
