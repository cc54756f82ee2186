/**
 * Global guards: probes the runner watches all the time (typically a Prometheus alert query). When
 * one fails more than `tolerance` times in a row, Eris sets the global signal to PAUSE or STOP with
 * the guard named as the reason (audited as a signal change by `guard:<name>`). Admins manage them;
 * this service is the one writer of global_guards.
 */
import { and, eq } from "drizzle-orm";
import type { Conn, DB } from "@/db/client";
import { type GlobalGuard, globalGuards } from "@/db/tables";
import { notFound } from "@/lib/api/errors";
import { isoTime } from "@/lib/api/time";
import { recordGlobalGuardTrip } from "@/lib/metrics/record";
import { recordAudit } from "@/lib/audit/service";
import { maskSecrets, restoreMasked } from "@/lib/credentials/mask";
import { normaliseStep } from "@/lib/experiments/present";
import { isUuid, newId } from "@/lib/ids";
import type { CreateGlobalGuardInput, GlobalGuardOut, PatchGlobalGuardInput } from "./schemas";

const auditView = (g: GlobalGuard) => ({
  name: g.name,
  step: g.step,
  interval_seconds: g.intervalSeconds,
  tolerance: g.tolerance,
  action: g.action,
  enabled: g.enabled,
});

export function toPublicGlobalGuard(g: GlobalGuard): GlobalGuardOut {
  return maskSecrets({
    id: g.id,
    name: g.name,
    step: g.step,
    interval_seconds: g.intervalSeconds,
    tolerance: g.tolerance,
    action: g.action,
    enabled: g.enabled,
    last_checked_at: isoTime(g.lastCheckedAt),
    last_ok: g.lastOk,
    last_message: g.lastMessage,
    tripped_at: isoTime(g.trippedAt),
    created_by: g.createdBy,
    created_at: isoTime(g.createdAt) as string,
    updated_at: isoTime(g.updatedAt) as string,
  });
}

/** A guard by id, or 404 (a malformed id too). */
async function findGuard(db: Conn, id: string): Promise<GlobalGuard> {
  const [row] = isUuid(id) ? await db.select().from(globalGuards).where(eq(globalGuards.id, id)).limit(1) : [];
  if (!row) throw notFound();
  return row;
}

export class GlobalGuardService {
  constructor(private readonly db: DB) {}

  list(): Promise<GlobalGuard[]> {
    return this.db.select().from(globalGuards).orderBy(globalGuards.createdAt);
  }

  enabled(): Promise<GlobalGuard[]> {
    return this.db.select().from(globalGuards).where(eq(globalGuards.enabled, true));
  }

  get(id: string): Promise<GlobalGuard> {
    return findGuard(this.db, id);
  }

  create(input: CreateGlobalGuardInput, actor: string): Promise<GlobalGuard> {
    return this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(globalGuards)
        .values({
          id: newId(),
          name: input.name,
          step: normaliseStep(input.step),
          intervalSeconds: input.interval_seconds,
          tolerance: input.tolerance,
          action: input.action,
          enabled: input.enabled,
          createdBy: actor,
        })
        .returning();
      await recordAudit(tx, {
        actor,
        action: "guard.create",
        targetType: "guard",
        targetId: created.id,
        after: auditView(created),
      });
      return created;
    });
  }

  update(id: string, input: PatchGlobalGuardInput, actor: string): Promise<GlobalGuard> {
    return this.db.transaction(async (tx) => {
      const current = await findGuard(tx, id);
      const [updated] = await tx
        .update(globalGuards)
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.step !== undefined ? { step: restoreMasked(normaliseStep(input.step), current.step) } : {}),
          ...(input.interval_seconds !== undefined ? { intervalSeconds: input.interval_seconds } : {}),
          ...(input.tolerance !== undefined ? { tolerance: input.tolerance } : {}),
          ...(input.action !== undefined ? { action: input.action } : {}),
          ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        })
        .where(eq(globalGuards.id, id))
        .returning();
      await recordAudit(tx, {
        actor,
        action: "guard.update",
        targetType: "guard",
        targetId: id,
        before: auditView(current),
        after: auditView(updated),
      });
      return updated;
    });
  }

  async delete(id: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await findGuard(tx, id);
      await tx.delete(globalGuards).where(eq(globalGuards.id, id));
      await recordAudit(tx, { actor, action: "guard.delete", targetType: "guard", targetId: id });
    });
  }

  /** What the runner saw at a check; `tripped` sets (true) or clears (false) the trip time. */
  async recordCheck(
    id: string,
    check: { at: number; ok: boolean; message: string | null; tripped?: boolean },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(globalGuards)
        .set({
          lastCheckedAt: check.at,
          lastOk: check.ok,
          lastMessage: check.message,
          ...(check.tripped === true ? { trippedAt: check.at } : check.tripped === false ? { trippedAt: null } : {}),
        })
        .where(and(eq(globalGuards.id, id)))
        .returning({ name: globalGuards.name });
      if (row && check.tripped === true) await recordGlobalGuardTrip(tx, row.name);
    });
  }
}
