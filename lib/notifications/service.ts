/**
 * Notification settings: Kallisti's e-mail list and the channels, with secrets masked on the way out
 * and kept when sent back masked; every change audited in its transaction.
 */
import type { Conn, DB } from "@/db/client";
import type { NOTIFICATION_CHANNELS, NotificationChannels, NotificationDelivery } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import { isoTime } from "@/lib/api/time";
import { recordAudit } from "@/lib/audit/service";
import { MASK } from "@/lib/credentials/mask";
import { NotificationRepo } from "./repo";
import {
  DEFAULT_CHANNELS,
  type DeliveryOut,
  type NotificationSettingsInput,
  type NotificationSettingsOut,
} from "./schemas";

/** The channels as stored, every field present (defaults under what an older row lacks). */
export async function storedChannels(db: Conn): Promise<NotificationChannels> {
  const stored = (await new NotificationRepo(db).settings())?.channels ?? {};
  return {
    email: { ...DEFAULT_CHANNELS.email, ...stored.email },
    slack: { ...DEFAULT_CHANNELS.slack, ...stored.slack },
    grafana: { ...DEFAULT_CHANNELS.grafana, ...stored.grafana },
  };
}

export const recipients = async (db: Conn): Promise<string[]> =>
  (await new NotificationRepo(db).settings())?.emails ?? [];

/** Every secret of the settings, to mask in delivery errors. */
export const channelSecrets = (c: NotificationChannels): string[] =>
  [c.email.password, c.slack.webhook_url, c.grafana.token].filter((s) => s.length > 0);

const masked = (v: string) => (v ? MASK : "");
const kept = (incoming: string, stored: string) => (incoming === MASK ? stored : incoming);

export const toPublicDelivery = (d: NotificationDelivery): DeliveryOut => ({
  event: d.event,
  trial: d.trialId,
  ok: d.ok,
  attempts: d.attempts,
  error: d.error,
  at: isoTime(d.at) as string,
});

export class NotificationService {
  private readonly repo: NotificationRepo;
  constructor(private readonly db: DB) {
    this.repo = new NotificationRepo(db);
  }

  async emails(): Promise<{ emails: string[] }> {
    return { emails: await recipients(this.db) };
  }

  setEmails(emails: string[], actor: string): Promise<{ emails: string[] }> {
    return this.db.transaction(async (tx) => {
      const before = await recipients(tx);
      await new NotificationRepo(tx).saveEmails(emails, actor, Date.now());
      await recordAudit(tx, {
        actor,
        action: "notification.update",
        targetType: "notification",
        before: { emails: before },
        after: { emails },
      });
      return { emails };
    });
  }

  async settings(): Promise<NotificationSettingsOut> {
    const c = await storedChannels(this.db);
    const row = await this.repo.settings();
    const last = async (ch: (typeof NOTIFICATION_CHANNELS)[number]) => {
      const d = await this.repo.lastDelivery(ch);
      return d ? toPublicDelivery(d) : null;
    };
    return {
      email: { ...c.email, password: masked(c.email.password) },
      slack: { ...c.slack, webhook_url: masked(c.slack.webhook_url) },
      grafana: { ...c.grafana, token: masked(c.grafana.token) },
      recipients: row?.emails ?? [],
      deliveries: { email: await last("email"), slack: await last("slack"), grafana: await last("grafana") },
      updated_by: row?.updatedBy ?? "default",
      updated_at: row?.updatedAt ? isoTime(row.updatedAt) : null,
    };
  }

  async updateSettings(input: NotificationSettingsInput, actor: string): Promise<NotificationSettingsOut> {
    const stored = await storedChannels(this.db);
    const next: NotificationChannels = {
      email: { ...input.email, password: kept(input.email.password, stored.email.password) },
      slack: { ...input.slack, webhook_url: kept(input.slack.webhook_url, stored.slack.webhook_url) },
      grafana: { ...input.grafana, token: kept(input.grafana.token, stored.grafana.token) },
    };
    // "*****" for a secret that was never set: still missing.
    if (next.slack.enabled && !next.slack.webhook_url) throw nested("slack", "webhook_url");
    if (next.grafana.enabled && !next.grafana.token) throw nested("grafana", "token");
    await this.db.transaction(async (tx) => {
      await new NotificationRepo(tx).saveChannels(next, actor, Date.now());
      await recordAudit(tx, {
        actor,
        action: "notification.settings",
        targetType: "notification",
        before: forAudit(stored),
        after: forAudit(next),
      });
    });
    return this.settings();
  }
}

const nested = (channel: string, field: string) =>
  new AppError("validation", "Required when enabled.", {
    fields: { [channel]: { [field]: ["Required when enabled."] } },
  });

const forAudit = (c: NotificationChannels) => ({
  email: { ...c.email, password: masked(c.email.password) },
  slack: { ...c.slack, webhook_url: masked(c.slack.webhook_url) },
  grafana: { ...c.grafana, token: masked(c.grafana.token) },
});
