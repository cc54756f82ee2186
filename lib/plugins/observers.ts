/**
 * Trial observers: called once when the runner finishes a trial. Errors are logged, never fatal.
 * The built-in webhook observer POSTs the trial summary as JSON, signed with HMAC-SHA256 over the
 * body (`X-Eris-Signature: sha256=<hex>`), retrying with exponential backoff.
 */
import { createHmac } from "node:crypto";
import { sleep } from "@/lib/modules/types";
import type { WebhookObserverConfig } from "./config-file";
import { withDeadline } from "@/lib/deadline";

export type TrialSummary = {
  event: "trial.completed";
  trial: {
    id: string;
    experiment: { id: string; name: string };
    schedule: string | null;
    status: string;
    status_reason: string | null;
    scheduled_for: string | null;
    executed_at: string | null;
    completed_at: string | null;
    initiated_by: string;
    steps: {
      list: string;
      step_name: string;
      do: string | undefined;
      status: string | undefined;
      started_at: string | null | undefined;
      ended_at: string | null | undefined;
    }[];
  };
};

export type ObserverContext = { signal: AbortSignal; log: (message: string) => void };
export type TrialObserver = (summary: TrialSummary, ctx: ObserverContext) => unknown;

export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export function webhookObserver(cfg: WebhookObserverConfig): TrialObserver {
  return async (summary, { signal, log }) => {
    const body = JSON.stringify(summary);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "Eris-Webhook",
      "x-eris-event": summary.event,
      "x-eris-delivery": `${summary.trial.id}`,
    };
    const secret = cfg.secret_env ? process.env[cfg.secret_env] : undefined;
    if (cfg.secret_env && !secret) log(`webhook ${cfg.url}: ${cfg.secret_env} is not set, sending unsigned`);
    if (secret) headers["x-eris-signature"] = signBody(secret, body);
    let lastError = "";
    for (let attempt = 0; attempt <= cfg.retries; attempt++) {
      if (attempt > 0) await sleep(500 * 2 ** (attempt - 1), signal);
      try {
        const res = await fetch(cfg.url, {
          method: "POST",
          headers,
          body,
          signal: withDeadline(signal, cfg.timeout_seconds * 1000),
        });
        await res.arrayBuffer();
        if (res.ok) return;
        lastError = `HTTP ${res.status}`;
        if (res.status < 500 && res.status !== 429) break; // the receiver refused it: retrying will not help
      } catch (err) {
        if (signal.aborted) throw err;
        lastError = (err as Error).message;
      }
    }
    throw new Error(`webhook ${cfg.url} failed after ${cfg.retries + 1} attempt(s): ${lastError}`);
  };
}
