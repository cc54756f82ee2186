/**
 * A Markdown report, for pasting into tickets and pull requests. Everything it embeds (names,
 * descriptions, reasons, log lines) goes through ./markdown-text.ts, so it renders as text.
 */
import type { Journal, JournalTrial } from "./journal";
import { mdCode, mdFence, mdInline, mdParagraph } from "./markdown-text";

/** The log lines of the steps that failed: what a ticket needs, without the whole trial. */
function failureLogs(t: JournalTrial): string[] {
  const out: string[] = [];
  for (const s of t.steps) {
    if ((s.status !== "failed" && s.status !== "interrupted") || !s.logs.length) continue;
    out.push("", `Log of ${mdInline(s.description ?? s.name)}:`, "", mdFence(s.logs));
  }
  return out;
}

export function renderMarkdown(j: Journal): string {
  const rate = j.summary.success_rate === null ? "n/a" : `${Math.round(j.summary.success_rate * 100)}%`;
  const out = [
    `# ${mdInline(j.title)}`,
    "",
    `Generated ${mdInline(j.generated_at)}. ${j.summary.trials} trials, ${j.summary.succeeded} succeeded, ${j.summary.failed} failed, success rate ${rate}.`,
  ];
  for (const e of j.experiments) {
    out.push("", `## ${mdInline(e.name)}`);
    if (e.description) out.push("", mdParagraph(e.description));
    for (const t of e.trials) {
      const reason = t.status_reason ? ` ${mdInline(t.status_reason)}` : "";
      out.push(
        "",
        `### ${mdInline(t.status)}: trial ${mdInline(t.id)}`,
        "",
        `Started ${mdInline(t.start ?? "—")}, ended ${mdInline(t.end ?? "—")}, by ${mdInline(t.initiated_by)}.${reason}`,
        "",
      );
      out.push("| List | Step | Action | Status | Seconds |", "|---|---|---|---|---|");
      for (const s of t.steps)
        out.push(
          `| ${mdInline(s.list)} | ${mdInline(s.description ?? s.name)} | ${mdCode(s.do)} | ${mdInline(s.status)} | ${s.duration_seconds ?? ""} |`,
        );
      if (t.guards.length) {
        out.push("", "| Guard | Action | Checks | Failures | Tripped |", "|---|---|---|---|---|");
        for (const g of t.guards)
          out.push(
            `| ${mdInline(g.name)} | ${mdCode(g.do)} | ${g.checks} | ${g.failures} | ${g.tripped_at ? mdInline(`at ${g.tripped_at}: ${g.last_message ?? ""}`) : "no"} |`,
          );
      }
      out.push(...failureLogs(t));
    }
  }
  return `${out.join("\n")}\n`;
}
