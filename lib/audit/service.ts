/**
 * The audit trail: who changed what and when, written in the same transaction as the change.
 * The summary keeps the changed fields before and after, with secrets masked.
 */
import { count, desc } from "drizzle-orm";
import type { Conn, DB } from "@/db/client";
import { type AuditEvent, auditEvents } from "@/db/tables";
import { limitOf, type Page } from "@/lib/api/paging";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import { newId } from "@/lib/ids";

type Change = {
  actor: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Only the fields that differ, so an entry reads as the change it was. */
function diff(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  if (!before || !after) return { before: before ?? null, after: after ?? null };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

export async function recordAudit(db: Conn, c: Change): Promise<void> {
  await db.insert(auditEvents).values({
    id: newId(),
    at: Date.now(),
    actor: c.actor,
    action: c.action,
    targetType: c.targetType,
    targetId: c.targetId ?? null,
    summary: maskSecrets(diff(c.before, c.after)),
  });
}

export async function listAudit(db: DB, page: Page): Promise<{ rows: AuditEvent[]; total: number }> {
  const q = db.select().from(auditEvents).orderBy(desc(auditEvents.at), desc(auditEvents.id)).offset(page.offset);
  const rows = await q.limit(limitOf(page));
  const [counted] = await db.select({ n: count() }).from(auditEvents);
  return { rows, total: counted?.n ?? 0 };
}

export function toPublicAudit(e: AuditEvent) {
  return {
    id: e.id,
    at: isoTime(e.at),
    actor: e.actor,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    summary: e.summary,
  };
}
