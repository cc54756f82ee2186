/**
 * The runner lease: one row, one holder. The holder heartbeats; when it stops (crash, kill -9),
 * the lease expires and a waiting runner takes it. Kept behind this small interface so that a
 * Kubernetes Lease can replace it without touching callers.
 */
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { runnerLease } from "@/db/schema";

const LEASE_ID = 1;

export interface Lease {
  /** Takes the lease if free, expired or already ours; true when we hold it. */
  tryAcquire(now: number): boolean;
  /** Extends our hold; false when someone else took the lease (we must stop working). */
  heartbeat(now: number): boolean;
  release(): void;
  /** The previous holder when we took over an expired lease (for crash recovery), else null. */
  readonly takenOverFrom: string | null;
}

export class SqliteLease implements Lease {
  takenOverFrom: string | null = null;

  constructor(
    private readonly db: DB,
    readonly holder: string,
    private readonly ttlMs: number,
  ) {}

  tryAcquire(now: number): boolean {
    return this.db.transaction(
      (tx) => {
        const row = tx.select().from(runnerLease).where(eq(runnerLease.id, LEASE_ID)).get();
        if (row && row.holder !== this.holder && row.expiresAt > now) return false;
        this.takenOverFrom = row && row.holder !== this.holder ? row.holder : null;
        const values = { holder: this.holder, acquiredAt: now, heartbeatAt: now, expiresAt: now + this.ttlMs };
        tx.insert(runnerLease)
          .values({ id: LEASE_ID, ...values })
          .onConflictDoUpdate({ target: runnerLease.id, set: values })
          .run();
        return true;
      },
      { behavior: "immediate" },
    );
  }

  heartbeat(now: number): boolean {
    const res = this.db
      .update(runnerLease)
      .set({ heartbeatAt: now, expiresAt: now + this.ttlMs })
      .where(eq(runnerLease.holder, this.holder))
      .run();
    return res.changes === 1;
  }

  release(): void {
    this.db.delete(runnerLease).where(eq(runnerLease.holder, this.holder)).run();
  }
}

export function currentHolder(db: DB): { holder: string; expiresAt: number } | null {
  return db.select().from(runnerLease).where(eq(runnerLease.id, LEASE_ID)).get() ?? null;
}
