/**
 * A Markdown report, for pasting into tickets and pull requests. Everything it embeds (names,
 * descriptions, reasons, log lines) goes through ./markdown-text.ts, so it renders as text.
 */
import type { Journal, JournalTrial } from "./journal";
import { mdCode, mdFence, mdInline, mdParagraph } from "./markdown-text";
import { type WriterFactory, writeJournal } from "./stream";
import { formatSeconds, formatTime, overallSentence, stepLabel, summarySentence } from "./summary";

/** The log lines of the steps that failed: what a ticket needs, without the whole trial. */
function failureLogs(t: JournalTrial): string[] {
  const out: string[] = [];
  for (const s of t.steps) {
    if ((s.status !== "failed" && s.status !== "interrupted") || !s.logs.length) continue;
    out.push("", `Log of ${mdInline(stepLabel(s))}:`, "", mdFence(s.logs));
  }
  return out;
}

/** Lines, each ended by a newline: chunks that join into one text. */
const lines = (out: string[]) => out.map((l) => `${l}\n`).join("");

function trialLines(t: JournalTrial, zone: string): string[] {
  const reason = t.status_reason ? ` ${mdInline(t.status_reason)}` : "";
  const out = [
    "",
    `### ${mdInline(t.status)}: trial ${mdInline(t.id)}`,
    "",
    `Started ${mdInline(formatTime(t.start, zone))}, ended ${mdInline(formatTime(t.end, zone))}, ${mdInline(formatSeconds(t.duration_seconds))}, by ${mdInline(t.initiated_by)}.${reason}`,
    "",
    "| List | Step | Action | Status | Duration |",
    "|---|---|---|---|---|",
  ];
  for (const s of t.steps)
    out.push(
      `| ${mdInline(s.list)} | ${mdInline(stepLabel(s))} | ${mdCode(s.do)} | ${mdInline(s.status)} | ${mdInline(formatSeconds(s.duration_seconds))} |`,
    );
  if (t.guards.length) {
    out.push("", "| Guard | Action | Checks | Failures | Tripped |", "|---|---|---|---|---|");
    for (const g of t.guards)
      out.push(
        `| ${mdInline(g.name)} | ${mdCode(g.do)} | ${g.checks} | ${g.failures} | ${g.tripped_at ? mdInline(`at ${g.tripped_at}: ${g.last_message ?? ""}`) : "no"} |`,
      );
  }
  out.push(...failureLogs(t));
  return out;
}

export const markdownWriter: WriterFactory = (head) => ({
  begin: () =>
    lines([
      `# ${mdInline(head.title)}`,
      "",
      `Generated ${mdInline(formatTime(head.generated_at, head.time_zone))}; times are in ${mdInline(head.time_zone)}.`,
      "",
      mdInline(overallSentence(head.summary)),
    ]),
  experimentStart(e) {
    const out = ["", `## ${mdInline(e.name)}`];
    if (e.description) out.push("", mdParagraph(e.description));
    out.push("", mdInline(summarySentence(e.summary)));
    return lines(out);
  },
  trial: (t) => lines(trialLines(t, head.time_zone)),
  experimentEnd: () => "",
  end: () => "",
});

export const renderMarkdown = (j: Journal): string => writeJournal(markdownWriter, j);
