-- trial_counts and trial_days follow every insert, status change and delete of a trial, whoever
-- writes it: the PostgreSQL form of the SQLite triggers of db/migrations/0005_history.sql and
-- 0006_days.sql, with the same names, events and conditions. As there, a count that falls to zero
-- keeps its row, and a day is created_at / 86400000 (integer division, UTC days since 1970).
CREATE FUNCTION "trial_counts_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "trial_counts" SET "n" = "n" - 1 WHERE "experiment_id" = OLD."experiment_id" AND "status" = OLD."status";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "trial_counts" ("experiment_id", "status", "n") VALUES (NEW."experiment_id", NEW."status", 1)
      ON CONFLICT ("experiment_id", "status") DO UPDATE SET "n" = "trial_counts"."n" + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "trial_counts_insert" AFTER INSERT ON "trials"
  FOR EACH ROW EXECUTE FUNCTION "trial_counts_follow"();
--> statement-breakpoint
CREATE TRIGGER "trial_counts_delete" AFTER DELETE ON "trials"
  FOR EACH ROW EXECUTE FUNCTION "trial_counts_follow"();
--> statement-breakpoint
CREATE TRIGGER "trial_counts_update" AFTER UPDATE OF "status", "experiment_id" ON "trials"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."experiment_id" IS DISTINCT FROM NEW."experiment_id")
  EXECUTE FUNCTION "trial_counts_follow"();
--> statement-breakpoint
CREATE FUNCTION "trial_days_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "trial_days" SET "n" = "n" - 1
      WHERE "day" = OLD."created_at" / 86400000 AND "experiment_id" = OLD."experiment_id" AND "status" = OLD."status";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "trial_days" ("day", "experiment_id", "status", "n")
      VALUES (NEW."created_at" / 86400000, NEW."experiment_id", NEW."status", 1)
      ON CONFLICT ("day", "experiment_id", "status") DO UPDATE SET "n" = "trial_days"."n" + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "trial_days_insert" AFTER INSERT ON "trials"
  FOR EACH ROW EXECUTE FUNCTION "trial_days_follow"();
--> statement-breakpoint
CREATE TRIGGER "trial_days_delete" AFTER DELETE ON "trials"
  FOR EACH ROW EXECUTE FUNCTION "trial_days_follow"();
--> statement-breakpoint
CREATE TRIGGER "trial_days_update" AFTER UPDATE OF "status", "experiment_id", "created_at" ON "trials"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."experiment_id" IS DISTINCT FROM NEW."experiment_id"
    OR OLD."created_at" IS DISTINCT FROM NEW."created_at")
  EXECUTE FUNCTION "trial_days_follow"();
