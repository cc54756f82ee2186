/** A Markdown report, for pasting into tickets and pull requests. */
import type { Journal } from "./journal";

const cell = (s: unknown) =>
  String(s ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, " ");

export function renderMarkdown(j: Journal): string {
  const rate = j.summary.success_rate === null ? "n/a" : `${Math.round(j.summary.success_rate * 100)}%`;
  const out = [
    `# ${j.title}`,
    "",
    `Generated ${j.generated_at}. ${j.summary.trials} trials, ${j.summary.succeeded} succeeded, ${j.summary.failed} failed, success rate ${rate}.`,
  ];
  for (const e of j.experiments) {
    out.push("", `## ${e.name}`, "", e.description);
    for (const t of e.trials) {
      out.push(
        "",
        `### ${t.status}: trial ${t.id}`,
        "",
        `Started ${t.start ?? "—"}, ended ${t.end ?? "—"}, by ${t.initiated_by}.${t.status_reason ? ` ${t.status_reason}` : ""}`,
        "",
      );
      out.push("| List | Step | Action | Status | Seconds |", "|---|---|---|---|---|");
      for (const s of t.steps)
        out.push(
          `| ${s.list} | ${cell(s.description ?? s.name)} | \`${cell(s.do)}\` | ${s.status} | ${s.duration_seconds ?? ""} |`,
        );
    }
  }
  return `${out.join("\n")}\n`;
}
