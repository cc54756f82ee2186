/** Queries of the notification settings (one row) and the delivery log. */
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import {
  type NotificationChannel,
  type NotificationChannels,
  type NotificationDelivery,
  type NotificationSettingsRow,
  notificationDeliveries,
  notificationSettings,
} from "@/db/schema";

const ROW = 1;
/** Deliveries kept per channel: enough to see a pattern, never a growing table. */
export const DELIVERIES_KEPT = 200;

export class NotificationRepo {
  constructor(private readonly db: DB | Tx) {}

  settings(): NotificationSettingsRow | null {
    return this.db.select().from(notificationSettings).where(eq(notificationSettings.id, ROW)).get() ?? null;
  }

  saveEmails(emails: string[], by: string, now: number): void {
    this.db
      .insert(notificationSettings)
      .values({ id: ROW, emails, updatedBy: by, updatedAt: now })
      .onConflictDoUpdate({ target: notificationSettings.id, set: { emails, updatedBy: by, updatedAt: now } })
      .run();
  }

  saveChannels(channels: NotificationChannels, by: string, now: number): void {
    this.db
      .insert(notificationSettings)
      .values({ id: ROW, channels, updatedBy: by, updatedAt: now })
      .onConflictDoUpdate({ target: notificationSettings.id, set: { channels, updatedBy: by, updatedAt: now } })
      .run();
  }

  addDelivery(row: NotificationDelivery): void {
    this.db.insert(notificationDeliveries).values(row).run();
    // Keep the newest DELIVERIES_KEPT of the channel.
    const cutoff = this.db
      .select({ at: notificationDeliveries.at })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.channel, row.channel))
      .orderBy(desc(notificationDeliveries.at))
      .limit(1)
      .offset(DELIVERIES_KEPT)
      .get();
    if (cutoff) {
      this.db
        .delete(notificationDeliveries)
        .where(and(eq(notificationDeliveries.channel, row.channel), lt(notificationDeliveries.at, cutoff.at)))
        .run();
    }
  }

  lastDelivery(channel: NotificationChannel): NotificationDelivery | null {
    return (
      this.db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.channel, channel))
        .orderBy(desc(notificationDeliveries.at), desc(sql`rowid`))
        .limit(1)
        .get() ?? null
    );
  }

  /** What an earlier delivery of the trial on the channel kept (Grafana's annotation id). */
  refFor(channel: NotificationChannel, trialId: string, event: string): string | null {
    return (
      this.db
        .select({ ref: notificationDeliveries.ref })
        .from(notificationDeliveries)
        .where(
          and(
            eq(notificationDeliveries.channel, channel),
            eq(notificationDeliveries.trialId, trialId),
            eq(notificationDeliveries.event, event),
            eq(notificationDeliveries.ok, true),
          ),
        )
        .get()?.ref ?? null
    );
  }
}
