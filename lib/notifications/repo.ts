/** Queries of the notification settings (one row) and the delivery log. */
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Conn } from "@/db/client";
import {
  type NotificationChannel,
  type NotificationChannels,
  type NotificationDelivery,
  type NotificationSettingsRow,
  notificationDeliveries,
  notificationSettings,
} from "@/db/tables";

const ROW = 1;
/** Deliveries kept per channel: enough to see a pattern, never a growing table. */
export const DELIVERIES_KEPT = 200;

export class NotificationRepo {
  constructor(private readonly db: Conn) {}

  async settings(): Promise<NotificationSettingsRow | null> {
    const [row] = await this.db.select().from(notificationSettings).where(eq(notificationSettings.id, ROW)).limit(1);
    return row ?? null;
  }

  async saveEmails(emails: string[], by: string, now: number): Promise<void> {
    await this.db
      .insert(notificationSettings)
      .values({ id: ROW, emails, updatedBy: by, updatedAt: now })
      .onConflictDoUpdate({ target: notificationSettings.id, set: { emails, updatedBy: by, updatedAt: now } });
  }

  async saveChannels(channels: NotificationChannels, by: string, now: number): Promise<void> {
    await this.db
      .insert(notificationSettings)
      .values({ id: ROW, channels, updatedBy: by, updatedAt: now })
      .onConflictDoUpdate({ target: notificationSettings.id, set: { channels, updatedBy: by, updatedAt: now } });
  }

  async addDelivery(row: NotificationDelivery): Promise<void> {
    await this.db.insert(notificationDeliveries).values(row);
    // Keep the newest DELIVERIES_KEPT of the channel.
    const [cutoff] = await this.db
      .select({ at: notificationDeliveries.at })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.channel, row.channel))
      .orderBy(desc(notificationDeliveries.at))
      .limit(1)
      .offset(DELIVERIES_KEPT);
    if (cutoff) {
      await this.db
        .delete(notificationDeliveries)
        .where(and(eq(notificationDeliveries.channel, row.channel), lt(notificationDeliveries.at, cutoff.at)));
    }
  }

  async lastDelivery(channel: NotificationChannel): Promise<NotificationDelivery | null> {
    const [row] = await this.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.channel, channel))
      .orderBy(desc(notificationDeliveries.at), desc(notificationDeliveries.id))
      .limit(1);
    return row ?? null;
  }

  /** What an earlier delivery of the trial on the channel kept (Grafana's annotation id). */
  async refFor(channel: NotificationChannel, trialId: string, event: string): Promise<string | null> {
    const [row] = await this.db
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
      .limit(1);
    return row?.ref ?? null;
  }
}
