/**
 * Notifications: Kallisti's `/api/v1/notification` e-mail list (its messages kept), and how Eris
 * delivers (SMTP, a Slack-compatible webhook, Grafana annotations). Secret fields read back as
 * MASK when set; writing MASK back keeps the stored secret.
 */
import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFY_ON } from "@/db/schema";
import { drfBody, drfBool, drfChoice, drfInt, drfList, drfString } from "@/lib/api/drf";

// DRF's EmailField message. Kallisti stored any string; Eris sends to these, so they must be addresses.
const EMAIL_MSG = "Enter a valid email address.";
const email = drfString({ max: 254 }).pipe(z.email(EMAIL_MSG));

export const putEmailsSchema = drfBody({ emails: drfList(email) });
export type PutEmailsInput = z.output<typeof putEmailsSchema>;

export const emailsOutSchema = z.object({ emails: z.array(z.string()) });

const URL_MSG = "Enter a valid URL.";
const httpUrl = drfString({ max: 2000 }).refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), URL_MSG);
const optionalUrl = z.union([z.literal(""), httpUrl]);

const emailChannel = drfBody({
  enabled: drfBool().default(false),
  on: drfChoice(NOTIFY_ON).default("all"),
  host: drfString({ max: 255, blank: true }).default(""),
  port: drfInt({ min: 1, max: 65535 }).default(587),
  // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
  secure: drfBool().default(false),
  username: drfString({ max: 255, blank: true }).default(""),
  password: z.string().max(1000).default(""),
  from: z.union([z.literal(""), email]).default(""),
});

const slackChannel = drfBody({
  enabled: drfBool().default(false),
  on: drfChoice(NOTIFY_ON).default("all"),
  webhook_url: z.union([z.literal("*****"), optionalUrl]).default(""),
});

const grafanaChannel = drfBody({
  enabled: drfBool().default(false),
  url: optionalUrl.default(""),
  token: z.string().max(2000).default(""),
  dashboard_uid: drfString({ max: 100, blank: true }).default(""),
  tags: drfList(drfString({ max: 100 }))
    .max(20)
    .default(["eris", "chaos"]),
});

/** A channel that is enabled needs where to send. */
const needs = (fields: string[]) => (c: Record<string, unknown>, ctx: z.RefinementCtx) => {
  if (!c.enabled) return;
  for (const f of fields) if (!c[f]) ctx.addIssue({ code: "custom", path: [f], message: "Required when enabled." });
};

export const notificationSettingsSchema = drfBody({
  email: emailChannel.superRefine(needs(["host", "from"])).default(emailChannel.parse({})),
  slack: slackChannel.superRefine(needs(["webhook_url"])).default(slackChannel.parse({})),
  grafana: grafanaChannel.superRefine(needs(["url", "token"])).default(grafanaChannel.parse({})),
});
export type NotificationSettingsInput = z.output<typeof notificationSettingsSchema>;

export const DEFAULT_CHANNELS: NotificationSettingsInput = notificationSettingsSchema.parse({});

export const deliveryOutSchema = z.object({
  event: z.string().describe("trial.started, trial.completed or test"),
  trial: z.string().nullable(),
  ok: z.boolean(),
  attempts: z.number().int(),
  error: z.string().nullable().describe("Why the last attempt failed (secrets masked)."),
  at: z.string(),
});
export type DeliveryOut = z.infer<typeof deliveryOutSchema>;

export const notificationSettingsOutSchema = z.object({
  email: z.object({
    enabled: z.boolean(),
    on: z.enum(NOTIFY_ON),
    host: z.string(),
    port: z.number().int(),
    secure: z.boolean(),
    username: z.string(),
    password: z.string().describe('"*****" when set'),
    from: z.string(),
  }),
  slack: z.object({
    enabled: z.boolean(),
    on: z.enum(NOTIFY_ON),
    webhook_url: z.string().describe('"*****" when set'),
  }),
  grafana: z.object({
    enabled: z.boolean(),
    url: z.string(),
    token: z.string().describe('"*****" when set'),
    dashboard_uid: z.string(),
    tags: z.array(z.string()),
  }),
  recipients: z.array(z.string()).describe("The e-mail list of /api/v1/notification."),
  deliveries: z
    .record(z.enum(NOTIFICATION_CHANNELS), deliveryOutSchema.nullable())
    .describe("The last delivery (or attempt) per channel."),
  updated_by: z.string(),
  updated_at: z.string().nullable(),
});
export type NotificationSettingsOut = z.infer<typeof notificationSettingsOutSchema>;

export const sendTestSchema = drfBody({ channel: drfChoice(NOTIFICATION_CHANNELS) });
export const testResultSchema = z.object({ channel: z.enum(NOTIFICATION_CHANNELS), ...deliveryOutSchema.shape });
