import { and, desc, eq, isNull, or } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { type BlackoutWindow, type NewBlackoutWindow, blackoutWindows } from "@/db/schema";

/** Drizzle only: rows or null. The one writer of blackout_windows is BlackoutService. */
export class BlackoutRepo {
  constructor(private readonly db: DB | Tx) {}

  insert(row: NewBlackoutWindow): BlackoutWindow {
    return this.db.insert(blackoutWindows).values(row).returning().get();
  }

  update(id: string, patch: Partial<NewBlackoutWindow>): BlackoutWindow {
    return this.db
      .update(blackoutWindows)
      .set(patch)
      .where(eq(blackoutWindows.id, id))
      .returning()
      .get() as BlackoutWindow;
  }

  findLive(id: string): BlackoutWindow | null {
    return (
      this.db
        .select()
        .from(blackoutWindows)
        .where(and(eq(blackoutWindows.id, id), isNull(blackoutWindows.deletedAt)))
        .get() ?? null
    );
  }

  /** Live windows: all, or one experiment's. Newest first. */
  list(experimentId?: string): BlackoutWindow[] {
    return this.db
      .select()
      .from(blackoutWindows)
      .where(
        and(
          isNull(blackoutWindows.deletedAt),
          experimentId ? eq(blackoutWindows.experimentId, experimentId) : undefined,
        ),
      )
      .orderBy(desc(blackoutWindows.createdAt))
      .all();
  }

  /** The windows that hold an experiment: the global ones and its own (all global ones without an id). */
  holding(experimentId: string | null): BlackoutWindow[] {
    const scope = experimentId
      ? or(isNull(blackoutWindows.experimentId), eq(blackoutWindows.experimentId, experimentId))
      : isNull(blackoutWindows.experimentId);
    return this.db
      .select()
      .from(blackoutWindows)
      .where(and(isNull(blackoutWindows.deletedAt), scope))
      .all();
  }
}
