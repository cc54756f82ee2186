/**
 * The runner lease: one row, one holder. The holder heartbeats; when it stops (crash, kill -9,
 * a stalled process), the lease expires and a waiting runner takes it. Every takeover increases the
 * epoch, the fencing token that the holder's trial writes carry (lib/trials/transitions.ts).
 * Expiry is measured by db/clock.ts's clock (the database server's on PostgreSQL), not the host's.
 * Kept behind this small interface so that a Kubernetes Lease can replace it without touching callers.
 */
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { databaseNow } from "@/db/clock";
import { type RunnerLease, runnerLease } from "@/db/tables";

const LEASE_ID = 1;

export type LeaseGrant = { holder: string; epoch: number };

export interface Lease {
  /** Takes the lease if free, expired, already ours, or held by our known-dead predecessor. */
  tryAcquire(): Promise<LeaseGrant | null>;
  /** Extends our hold; false when someone else took the lease (we must stop working). */
  heartbeat(): Promise<boolean>;
  /** Lets a waiting runner take over at once (the epoch stays, so our old writes stay fenced out). */
  release(): Promise<void>;
  /** The previous holder when we took the lease from another runner, else null. */
  readonly takenOverFrom: string | null;
}

export type DatabaseLeaseOptions = {
  ttlMs: number;
  /**
   * A holder known to be dead (the supervisor saw the process exit): its lease is taken at once
   * instead of waiting for it to expire.
   */
  predecessor?: string | null;
  /** How many times the supervisor restarted this runner, shown by the runner health route. */
  restarts?: number;
};

export class DatabaseLease implements Lease {
  takenOverFrom: string | null = null;
  private epoch: number | null = null;

  constructor(
    private readonly db: DB,
    readonly holder: string,
    private readonly o: DatabaseLeaseOptions,
  ) {}

  async tryAcquire(): Promise<LeaseGrant | null> {
    return this.db.transaction(async (tx) => {
      const now = await databaseNow(tx);
      const [row] = await tx.select().from(runnerLease).where(eq(runnerLease.id, LEASE_ID)).limit(1);
      const ours = row?.holder === this.holder && row.epoch === this.epoch;
      const free = !row || row.expiresAt <= now || (!!this.o.predecessor && row.holder === this.o.predecessor);
      if (!ours && !free) return null;
      const epoch = ours ? (row?.epoch as number) : (row?.epoch ?? 0) + 1;
      this.takenOverFrom = !ours && row && row.holder !== this.holder ? row.holder : null;
      const values = {
        holder: this.holder,
        acquiredAt: ours ? (row?.acquiredAt as number) : now,
        heartbeatAt: now,
        expiresAt: now + this.o.ttlMs,
        epoch,
        restarts: this.o.restarts ?? 0,
      };
      await tx
        .insert(runnerLease)
        .values({ id: LEASE_ID, ...values })
        .onConflictDoUpdate({ target: runnerLease.id, set: values });
      this.epoch = epoch;
      return { holder: this.holder, epoch };
    });
  }

  async heartbeat(): Promise<boolean> {
    if (this.epoch === null) return false;
    const now = await databaseNow(this.db);
    // One conditional statement: it extends the lease only while we still hold it at our epoch.
    const extended = await this.db
      .update(runnerLease)
      .set({ heartbeatAt: now, expiresAt: now + this.o.ttlMs })
      .where(and(eq(runnerLease.holder, this.holder), eq(runnerLease.epoch, this.epoch)))
      .returning({ id: runnerLease.id });
    return extended.length === 1;
  }

  async release(): Promise<void> {
    if (this.epoch === null) return;
    const now = await databaseNow(this.db);
    await this.db
      .update(runnerLease)
      .set({ expiresAt: now })
      .where(and(eq(runnerLease.holder, this.holder), eq(runnerLease.epoch, this.epoch)));
  }
}

/** The lease row as it stands (the holder may have expired). */
export async function currentLease(db: DB): Promise<RunnerLease | null> {
  const [row] = await db.select().from(runnerLease).where(eq(runnerLease.id, LEASE_ID)).limit(1);
  return row ?? null;
}
