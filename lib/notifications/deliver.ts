/**
 * Sends a trial's notifications on every enabled channel and records each delivery (attempts, error)
 * so the Settings page shows whether delivery works. Settings are read at each event, so a change on
 * the page applies to the next trial. Errors never leave a secret behind: the channels' own secrets
 * are masked out of them before they are stored or logged.
 */
import type { DB } from "@/db/client";
import type { NotificationChannel, NotificationChannels } from "@/db/schema";
import { fieldError } from "@/lib/api/errors";
import { SecretSet } from "@/lib/credentials/secrets";
import { newId } from "@/lib/ids";
import { trialSummary } from "@/lib/plugins/summary";
import { FAILED_STATUSES, type TrialEvent, emailMessage, grafanaAnnotation, slackMessage, testEvent } from "./message";
import { NotificationRepo } from "./repo";
import type { DeliveryOut } from "./schemas";
import { type Attempted, grafanaCreate, grafanaPatch, postSlack, sendMail, withRetries } from "./send";
import { channelSecrets, recipients, storedChannels, toPublicDelivery } from "./service";

export type NotifierOptions = {
  /** Where people open Eris, for links to the trial; null leaves links out. */
  publicUrl: string | null;
  retries?: number;
  baseDelayMs?: number;
  log?: (event: string, fields: Record<string, unknown>) => void;
};

/** One attempt; a string it resolves to is kept as the delivery's ref (Grafana's annotation id). */
type Send = (signal: AbortSignal) => Promise<unknown>;

export class Notifier {
  private readonly repo: NotificationRepo;
  constructor(
    private readonly db: DB,
    private readonly o: NotifierOptions,
  ) {
    this.repo = new NotificationRepo(db);
  }

  private link(trialId: string): string | null {
    return this.o.publicUrl ? `${this.o.publicUrl}/trials/${trialId}` : null;
  }

  /** A trial started: a Grafana annotation opens (the end patches it into a region). */
  async trialStarted(trialId: string, signal: AbortSignal): Promise<void> {
    const c = await storedChannels(this.db);
    if (!c.grafana.enabled) return;
    const summary = await trialSummary(this.db, trialId);
    if (!summary) return;
    const event: TrialEvent = { kind: "started", summary, link: this.link(trialId) };
    const at = Date.parse(summary.trial.executed_at ?? "") || Date.now();
    const { text, tags } = grafanaAnnotation(event, c.grafana.tags);
    await this.deliver(c, "grafana", "trial.started", trialId, signal, (s) =>
      grafanaCreate(c.grafana, { time: at, text, tags }, s),
    );
  }

  /** A trial ended: e-mail and Slack (all trials, or only failed ones), and the Grafana annotation's end. */
  async trialEnded(trialId: string, signal: AbortSignal): Promise<void> {
    const c = await storedChannels(this.db);
    const summary = await trialSummary(this.db, trialId);
    if (!summary) return;
    const event: TrialEvent = { kind: "completed", summary, link: this.link(trialId) };
    const wanted = (on: "all" | "failed") => on === "all" || FAILED_STATUSES.has(summary.trial.status);
    const jobs: Promise<unknown>[] = [];
    const to = await recipients(this.db);
    if (c.email.enabled && to.length && wanted(c.email.on)) {
      const mail = emailMessage(event);
      jobs.push(this.deliver(c, "email", "trial.completed", trialId, signal, (s) => sendMail(c.email, to, mail, s)));
    }
    if (c.slack.enabled && wanted(c.slack.on)) {
      const msg = slackMessage(event);
      jobs.push(
        this.deliver(c, "slack", "trial.completed", trialId, signal, (s) => postSlack(c.slack.webhook_url, msg, s)),
      );
    }
    if (c.grafana.enabled && summary.trial.executed_at) jobs.push(this.endAnnotation(c, event, signal));
    await Promise.all(jobs);
  }

  private async endAnnotation(c: NotificationChannels, event: TrialEvent, signal: AbortSignal): Promise<void> {
    const t = event.summary.trial;
    const start = Date.parse(t.executed_at ?? "");
    const end = Date.parse(t.completed_at ?? "") || Date.now();
    const { text, tags } = grafanaAnnotation(event, c.grafana.tags);
    const opened = await this.repo.refFor("grafana", t.id, "trial.started");
    await this.deliver(c, "grafana", "trial.completed", t.id, signal, (s) =>
      opened
        ? grafanaPatch(c.grafana, opened, { timeEnd: end, text, tags }, s)
        : grafanaCreate(c.grafana, { time: start || end, timeEnd: end, text, tags }, s),
    );
  }

  /** The Settings page's "send a test": one attempt, now, with the stored settings (enabled or not). */
  async test(channel: NotificationChannel, signal: AbortSignal): Promise<DeliveryOut> {
    const c = await storedChannels(this.db);
    const event = testEvent(this.o.publicUrl);
    let send: Send;
    if (channel === "email") {
      if (!c.email.host) throw fieldError("email", "Set the SMTP host first.");
      if (!c.email.from) throw fieldError("email", "Set the sender address (from) first.");
      const to = await recipients(this.db);
      if (!to.length) throw fieldError("emails", "Add at least one address to the notification list first.");
      send = (s) => sendMail(c.email, to, emailMessage(event), s);
    } else if (channel === "slack") {
      if (!c.slack.webhook_url) throw fieldError("slack", "Set the webhook URL first.");
      send = (s) => postSlack(c.slack.webhook_url, slackMessage(event), s);
    } else {
      if (!c.grafana.url || !c.grafana.token) throw fieldError("grafana", "Set the Grafana URL and token first.");
      const { text, tags } = grafanaAnnotation(event, c.grafana.tags);
      send = (s) => grafanaCreate(c.grafana, { time: Date.now(), text: `${text} (test)`, tags }, s);
    }
    return this.deliver(c, channel, "test", null, signal, send, 0);
  }

  private async deliver(
    c: NotificationChannels,
    channel: NotificationChannel,
    event: string,
    trialId: string | null,
    signal: AbortSignal,
    send: Send,
    retries = this.o.retries ?? 3,
  ): Promise<DeliveryOut> {
    const result: Attempted<unknown> = await withRetries(send, {
      retries,
      baseDelayMs: this.o.baseDelayMs ?? 500,
      signal,
    });
    const secrets = new SecretSet();
    for (const s of channelSecrets(c)) secrets.add(s);
    const row = {
      id: newId(),
      channel,
      event,
      trialId,
      ok: result.ok,
      attempts: result.attempts,
      error: result.ok ? null : secrets.maskString(result.error),
      ref: result.ok && typeof result.value === "string" ? result.value : null,
      at: Date.now(),
    };
    await this.db.transaction((tx) => new NotificationRepo(tx).addDelivery(row));
    this.o.log?.(row.ok ? "notification sent" : "notification failed", {
      channel,
      event,
      trial: trialId ?? undefined,
      attempts: row.attempts,
      ...(row.error ? { error: row.error } : {}),
    });
    return toPublicDelivery(row);
  }
}
