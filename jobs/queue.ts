/** The trial queue: short synchronous SQL, one claim at a time. */
import { and, asc, eq, inArray, isNull, ne, or, lte } from "drizzle-orm";
import type { DB } from "@/db/client";
import { type Trial, trials } from "@/db/schema";

/** Claims the oldest queued trial (by due time, then creation) and marks it In Progress. */
export function claimNext(db: DB, runnerId: string, now: number): Trial | null {
  return db.transaction(
    (tx) => {
      const next = tx
        .select({ id: trials.id })
        .from(trials)
        .where(and(eq(trials.status, "Scheduled"), lte(trials.scheduledFor, now)))
        .orderBy(asc(trials.scheduledFor), asc(trials.createdAt))
        .limit(1)
        .get();
      if (!next) return null;
      return (
        tx
          .update(trials)
          .set({ status: "In Progress", executedAt: now, runnerId })
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

/** Trials a previous runner left In Progress or Stop Initiated: nobody is running them now. */
export function orphanedTrials(db: DB, runnerId: string): Trial[] {
  return db
    .select()
    .from(trials)
    .where(
      and(
        inArray(trials.status, ["In Progress", "Stop Initiated"]),
        or(isNull(trials.runnerId), ne(trials.runnerId, runnerId)),
      ),
    )
    .all();
}
