/**
 * The senders: SMTP (nodemailer), a Slack-compatible incoming webhook, Grafana's annotations API.
 * Each attempt is bounded in time; `withRetries` retries what can succeed later (network errors,
 * 5xx, 429, SMTP 4xx) with exponential backoff, as the webhook observer does.
 */
import nodemailer from "nodemailer";
import type { NotificationChannels } from "@/db/schema";
import { sleep } from "@/lib/modules/types";
import { withDeadline } from "@/lib/deadline";

const ATTEMPT_TIMEOUT_MS = 15_000;

/** A failed attempt; `retry` says whether trying again may help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export type Attempted<T> = { ok: true; value: T; attempts: number } | { ok: false; error: string; attempts: number };

export async function withRetries<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  o: { retries: number; baseDelayMs: number; signal: AbortSignal },
): Promise<Attempted<T>> {
  let error = "";
  for (let n = 0; n <= o.retries; n++) {
    try {
      if (n > 0) await sleep(o.baseDelayMs * 2 ** (n - 1), o.signal);
      const value = await attempt(withDeadline(o.signal, ATTEMPT_TIMEOUT_MS));
      return { ok: true, value, attempts: n + 1 };
    } catch (err) {
      if (o.signal.aborted) return { ok: false, error: "cancelled", attempts: n + 1 };
      error = (err as Error).message;
      if (err instanceof DeliveryError && !err.retry) return { ok: false, error, attempts: n + 1 };
    }
  }
  return { ok: false, error, attempts: o.retries + 1 };
}

export async function sendMail(
  smtp: NotificationChannels["email"],
  to: string[],
  message: { subject: string; text: string },
  signal: AbortSignal,
): Promise<string> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.username ? { user: smtp.username, pass: smtp.password } : undefined,
    connectionTimeout: ATTEMPT_TIMEOUT_MS,
    greetingTimeout: ATTEMPT_TIMEOUT_MS,
    socketTimeout: ATTEMPT_TIMEOUT_MS,
  });
  const abort = () => transport.close();
  signal.addEventListener("abort", abort, { once: true });
  try {
    const info = await transport.sendMail({ from: smtp.from, to, subject: message.subject, text: message.text });
    return info.messageId;
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    // SMTP 5xx (bad address, refused login) will not change by retrying; 4xx and network errors may.
    throw new DeliveryError(`SMTP: ${(err as Error).message}`, !(code && code >= 500));
  } finally {
    signal.removeEventListener("abort", abort);
    transport.close();
  }
}

async function postJson(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string>,
  signal: AbortSignal,
) {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", "user-agent": "Eris-Notifier", ...headers },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    throw new DeliveryError((err as Error).cause ? String((err as Error).cause) : (err as Error).message, true);
  }
  const text = await res.text();
  if (!res.ok) {
    throw new DeliveryError(
      `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`,
      res.status >= 500 || res.status === 429,
    );
  }
  return text;
}

export async function postSlack(webhookUrl: string, message: { text: string }, signal: AbortSignal): Promise<void> {
  await postJson(webhookUrl, "POST", message, {}, signal);
}

type Annotation = { time?: number; timeEnd?: number; tags: string[]; text: string; dashboardUID?: string };

/** Creates an annotation; its id, for the patch at the trial's end. */
export async function grafanaCreate(
  g: NotificationChannels["grafana"],
  a: Annotation,
  signal: AbortSignal,
): Promise<string> {
  const body = { ...a, ...(g.dashboard_uid ? { dashboardUID: g.dashboard_uid } : {}) };
  const text = await postJson(`${g.url.replace(/\/+$/, "")}/api/annotations`, "POST", body, auth(g), signal);
  const id = (JSON.parse(text || "{}") as { id?: number }).id;
  return id === undefined ? "" : String(id);
}

export async function grafanaPatch(
  g: NotificationChannels["grafana"],
  id: string,
  a: Partial<Annotation>,
  signal: AbortSignal,
): Promise<void> {
  await postJson(`${g.url.replace(/\/+$/, "")}/api/annotations/${encodeURIComponent(id)}`, "PATCH", a, auth(g), signal);
}

const auth = (g: NotificationChannels["grafana"]) => ({ authorization: `Bearer ${g.token}` });
