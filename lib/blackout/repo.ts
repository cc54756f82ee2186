import { and, desc, eq, isNull, or } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { type BlackoutWindow, type NewBlackoutWindow, blackoutWindows } from "@/db/tables";

/** Drizzle only: rows or null. The one writer of blackout_windows is BlackoutService. */
export class BlackoutRepo {
  constructor(private readonly db: Conn) {}

  async insert(row: NewBlackoutWindow): Promise<BlackoutWindow> {
    const [created] = await this.db.insert(blackoutWindows).values(row).returning();
    return created;
  }

  async update(id: string, patch: Partial<NewBlackoutWindow>): Promise<BlackoutWindow> {
    const [updated] = await this.db.update(blackoutWindows).set(patch).where(eq(blackoutWindows.id, id)).returning();
    return updated;
  }

  async findLive(id: string): Promise<BlackoutWindow | null> {
    const [row] = await this.db
      .select()
      .from(blackoutWindows)
      .where(and(eq(blackoutWindows.id, id), isNull(blackoutWindows.deletedAt)))
      .limit(1);
    return row ?? null;
  }

  /** Live windows: all, or one experiment's. Newest first. */
  list(experimentId?: string): Promise<BlackoutWindow[]> {
    return this.db
      .select()
      .from(blackoutWindows)
      .where(
        and(
          isNull(blackoutWindows.deletedAt),
          experimentId ? eq(blackoutWindows.experimentId, experimentId) : undefined,
        ),
      )
      .orderBy(desc(blackoutWindows.createdAt));
  }

  /** The windows that hold an experiment: the global ones and its own (all global ones without an id). */
  holding(experimentId: string | null): Promise<BlackoutWindow[]> {
    const scope = experimentId
      ? or(isNull(blackoutWindows.experimentId), eq(blackoutWindows.experimentId, experimentId))
      : isNull(blackoutWindows.experimentId);
    return this.db
      .select()
      .from(blackoutWindows)
      .where(and(isNull(blackoutWindows.deletedAt), scope));
  }
}
