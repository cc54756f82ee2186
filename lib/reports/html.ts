/**
 * One self-contained printable page: inline CSS, inline SVG, no external requests. The summary
 * (the same sentence as every other format), then per experiment its own numbers and per trial a
 * timeline chart, a step table and the logs. Steps are named alike in the chart, the table and
 * the logs; times are shown in the report's zone, which is named.
 */
import type { JournalHead, JournalStep, JournalTrial } from "./journal";
import type { WriterFactory } from "./stream";
import { formatSeconds, formatTime, overallSentence, percent, stepLabel, summarySentence } from "./summary";

const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

export const STEP_COLOUR: Record<string, string> = {
  succeeded: "#16a34a",
  failed: "#dc2626",
  interrupted: "#dc2626",
  stopped: "#64748b",
  running: "#2563eb",
  not_run: "#cbd5e1",
};

const LABEL_WIDTH = 200;
const BAR_WIDTH = 540;
const ROW = 18;

/** The list a step belongs to, as a prefix (pre-steps and the rollback are marked; steps are not). */
const listPrefix = (s: JournalStep) => (s.list === "steps" ? "" : s.list === "pre_steps" ? "pre: " : "rollback: ");

function timeline(t: JournalTrial): string {
  const timed = t.steps.filter((s) => s.start);
  if (!timed.length) return "<p class=muted>No step ran.</p>";
  const t0 = Math.min(...timed.map((s) => Date.parse(s.start as string)));
  const t1 = Math.max(...timed.map((s) => Date.parse((s.end ?? s.start) as string)), t0 + 1);
  const bars = t.steps
    .map((s, i) => {
      const start = s.start ? Date.parse(s.start) : null;
      const x = start === null ? 0 : ((start - t0) / (t1 - t0)) * BAR_WIDTH;
      const end = s.end ?? s.start;
      const w = start === null || !end ? 0 : Math.max(2, ((Date.parse(end) - start) / (t1 - t0)) * BAR_WIDTH);
      const label = `${listPrefix(s)}${stepLabel(s)}`;
      return `<text x="0" y="${i * ROW + 13}" font-size="11">${esc(label.length > 32 ? `${label.slice(0, 31)}…` : label)}</text>
<rect x="${LABEL_WIDTH + x}" y="${i * ROW + 3}" width="${w}" height="12" rx="2" fill="${STEP_COLOUR[s.status] ?? "#94a3b8"}"><title>${esc(`${stepLabel(s)}: ${s.status}, ${formatSeconds(s.duration_seconds)}`)}</title></rect>`;
    })
    .join("");
  return `<svg role="img" aria-label="Timeline" width="${LABEL_WIDTH + BAR_WIDTH + 20}" height="${t.steps.length * ROW + 4}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function guardTable(t: JournalTrial): string {
  if (!t.guards.length) return "";
  const rows = t.guards
    .map(
      (g) =>
        `<tr><td>${esc(g.name)}</td><td><code>${esc(g.do)}</code></td><td>${g.checks}</td><td>${g.failures}</td><td class="st ${g.tripped_at ? "failed" : "succeeded"}">${g.tripped_at ? esc(`tripped at ${g.tripped_at}: ${g.last_message ?? ""}`) : "held"}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>Guard</th><th>Action</th><th>Checks</th><th>Failures</th><th>Outcome</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function trialSection(t: JournalTrial, zone: string): string {
  const rows = t.steps
    .map(
      (s) =>
        `<tr><td>${esc(s.list.replace("_", "-"))}</td><td>${esc(stepLabel(s))}</td><td><code>${esc(s.do)}</code></td><td class="st ${esc(s.status)}">${esc(s.status.replace("_", " "))}</td><td>${esc(formatSeconds(s.duration_seconds))}</td></tr>`,
    )
    .join("");
  const logs = t.steps
    .map((s) => (s.logs.length ? `<h5>${esc(stepLabel(s))}</h5><pre>${esc(s.logs.join("\n"))}</pre>` : ""))
    .join("");
  return `<section class=trial><h3><span class="badge ${esc(t.status.replace(" ", "_"))}">${esc(t.status)}</span> Trial ${esc(t.id)}</h3>
<p>Started ${esc(formatTime(t.start, zone))} · ended ${esc(formatTime(t.end, zone))} · ${esc(formatSeconds(t.duration_seconds))} · by ${esc(t.initiated_by)}${t.status_reason ? ` · ${esc(t.status_reason)}` : ""}</p>
${timeline(t)}
<table><thead><tr><th>List</th><th>Step</th><th>Action</th><th>Status</th><th>Duration</th></tr></thead><tbody>${rows}</tbody></table>
${guardTable(t)}
<details open><summary>Logs</summary>${logs}<pre>${esc(t.result.join("\n"))}</pre></details></section>`;
}

function summaryCards(j: JournalHead): string {
  const s = j.summary;
  const card = (n: string | number, what: string) => `<div><b>${esc(n)}</b>${esc(what)}</div>`;
  return `<div class=summary>${card(s.experiments, s.experiments === 1 ? "experiment" : "experiments")}${card(s.trials, s.trials === 1 ? "trial" : "trials")}${card(s.succeeded, "succeeded")}${card(s.failed, "failed")}${card(s.other, "without an outcome")}${card(percent(s.success_rate), "success rate")}</div>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#0f172a;margin:2rem;max-width:980px}h1{margin:0}table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border-bottom:1px solid #e2e8f0;padding:4px 6px;text-align:left}pre{background:#f1f5f9;padding:.5rem;white-space:pre-wrap;font-size:12px}
.muted{color:#475569}.badge{padding:1px 8px;border-radius:9px;color:#fff;background:#475569}.Succeeded{background:#15803d}.Failed,.Invalid{background:#b91c1c}.Aborted{background:#c2410c}
.In_Progress{background:#1d4ed8}.st.succeeded{color:#15803d}.st.failed{color:#b91c1c}.summary{display:flex;flex-wrap:wrap;gap:2rem;margin:1rem 0}.summary b{font-size:1.5rem;display:block}
.counts{font-weight:600}section.trial{page-break-inside:avoid;border-top:1px solid #cbd5e1;margin-top:1rem}@media print{details{display:block}}`;

export const htmlWriter: WriterFactory = (head) => ({
  begin: () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(head.title)}</title>
<style>${STYLE}</style></head>
<body><h1>${esc(head.title)}</h1><p class=muted>Generated ${esc(formatTime(head.generated_at, head.time_zone))}. Times are in ${esc(head.time_zone)}.</p>
${summaryCards(head)}<p class=counts>${esc(overallSentence(head.summary))}</p>
${head.experiments.length ? "" : "<p class=muted>No experiments.</p>"}`,
  experimentStart: (e) => `<section><h2>${esc(e.name)}</h2><p>${esc(e.description)}</p>
<p class=counts>${esc(summarySentence(e.summary))}</p>
`,
  trial: (t) => trialSection(t, head.time_zone),
  experimentEnd: (_, n) => `${n ? "" : "<p class=muted>No trials run.</p>"}</section>`,
  end: () => "</body></html>",
});
