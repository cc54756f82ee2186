/** The trial queue: short synchronous SQL, one claim at a time. */
import { and, asc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { type Trial, trials } from "@/db/schema";

/** Claims the oldest queued trial (by due time, then creation) and marks it In Progress. */
export function claimNext(db: DB, now: number): Trial | null {
  return db.transaction(
    (tx) => {
      const next = tx
        .select({ id: trials.id })
        .from(trials)
        .where(eq(trials.status, "Scheduled"))
        .orderBy(asc(trials.scheduledFor), asc(trials.createdAt))
        .limit(1)
        .get();
      if (!next) return null;
      return (
        tx
          .update(trials)
          .set({ status: "In Progress", executedAt: now })
          .where(and(eq(trials.id, next.id), eq(trials.status, "Scheduled")))
          .returning()
          .get() ?? null
      );
    },
    { behavior: "immediate" },
  );
}

/** Who asked to stop the trial, when a stop is pending. */
export function pendingStop(db: DB, trialId: string): string | null {
  const row = db
    .select({ status: trials.status, by: trials.stopRequestedBy })
    .from(trials)
    .where(eq(trials.id, trialId))
    .get();
  return row?.status === "Stop Initiated" ? (row.by ?? "unknown") : null;
}
