/**
 * What a notification says about a trial: an e-mail (subject and text), a Slack-compatible webhook
 * message, and a Grafana annotation's text and tags. Built from the observers' trial summary, whose
 * secrets are already masked (by key, and by value where the trial wrote them).
 */
import type { TrialSummary } from "@/lib/plugins/observers";

export type TrialEvent = { kind: "started" | "completed"; summary: TrialSummary; link: string | null };

/** Statuses the "failed" setting notifies about: everything that did not succeed and did run or was stopped. */
export const FAILED_STATUSES: ReadonlySet<string> = new Set(["Failed", "Aborted", "Invalid", "Stopped"]);

const short = (id: string) => id.slice(0, 8);

function headline(e: TrialEvent): string {
  const t = e.summary.trial;
  if (e.kind === "started") return `Started: ${t.experiment.name} (trial ${short(t.id)})`;
  return `${t.status}: ${t.experiment.name} (trial ${short(t.id)})`;
}

export function emailMessage(e: TrialEvent): { subject: string; text: string } {
  const t = e.summary.trial;
  const lines = [
    `Experiment: ${t.experiment.name}`,
    `Trial:      ${t.id}`,
    `Status:     ${t.status}${t.status_reason ? ` (${t.status_reason})` : ""}`,
    `Started:    ${t.executed_at ?? "did not run"}`,
    `Ended:      ${t.completed_at ?? "-"}`,
    `Started by: ${t.initiated_by}`,
    "",
    "Steps:",
    ...(t.steps.length
      ? t.steps.map((s) => `  ${s.list.padEnd(10)} ${(s.status ?? "").padEnd(12)} ${s.step_name} (${s.do ?? ""})`)
      : ["  (none ran)"]),
  ];
  if (e.link) lines.push("", `Open the trial: ${e.link}`);
  return { subject: `[Eris] ${headline(e)}`, text: `${lines.join("\n")}\n` };
}

const EMOJI: Record<string, string> = {
  Succeeded: ":large_green_circle:",
  Failed: ":red_circle:",
  Aborted: ":red_circle:",
  Invalid: ":warning:",
  Stopped: ":octagonal_sign:",
  Skipped: ":white_circle:",
};

/** Slack's incoming-webhook format (`text` is what Mattermost, Rocket.Chat and Teams' Slack mode read). */
export function slackMessage(e: TrialEvent): { text: string } {
  const t = e.summary.trial;
  const name = e.link ? `<${e.link}|${t.experiment.name}>` : t.experiment.name;
  const reason = t.status_reason ? `: ${t.status_reason}` : "";
  const emoji = EMOJI[t.status] ?? ":large_blue_circle:";
  return { text: `${emoji} *${t.status}* ${name} (trial ${short(t.id)})${reason}` };
}

export function grafanaAnnotation(e: TrialEvent, baseTags: string[]): { text: string; tags: string[] } {
  const t = e.summary.trial;
  const link = e.link ? ` <a href="${e.link}">trial ${short(t.id)}</a>` : "";
  const status = e.kind === "started" ? "In Progress" : t.status;
  const tags = [...baseTags, `experiment:${t.experiment.name}`, `status:${status}`];
  return { text: `Eris: ${escapeHtml(t.experiment.name)} ${status}${link}`, tags };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The message a "send a test" button sends, shaped like a real one. */
export function testEvent(link: string | null): TrialEvent {
  const now = new Date().toISOString();
  return {
    kind: "completed",
    link,
    summary: {
      event: "trial.completed",
      trial: {
        id: "00000000-0000-4000-8000-000000000000",
        experiment: { id: "00000000-0000-4000-8000-000000000000", name: "Eris test notification" },
        schedule: null,
        status: "Succeeded",
        status_reason: "a test sent from the Settings page",
        scheduled_for: now,
        executed_at: now,
        completed_at: now,
        initiated_by: "test",
        steps: [],
      },
    },
  };
}
