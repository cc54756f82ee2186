/**
 * One self-contained printable page: inline CSS, inline SVG, no external requests. Summary,
 * success rate across the selected trials, then per trial a timeline chart, a step table and logs.
 */
import type { Journal, JournalTrial } from "./journal";

const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

const COLOUR: Record<string, string> = {
  succeeded: "#16a34a",
  failed: "#dc2626",
  interrupted: "#dc2626",
  stopped: "#64748b",
  running: "#2563eb",
  not_run: "#cbd5e1",
};
const pct = (r: number | null) => (r === null ? "n/a" : `${Math.round(r * 100)}%`);

function timeline(t: JournalTrial): string {
  const timed = t.steps.filter((s) => s.start);
  if (!timed.length) return "<p class=muted>No step ran.</p>";
  const t0 = Math.min(...timed.map((s) => Date.parse(s.start as string)));
  const t1 = Math.max(...timed.map((s) => Date.parse((s.end ?? s.start) as string)), t0 + 1);
  const row = 18;
  const bars = t.steps
    .map((s, i) => {
      const x = s.start ? ((Date.parse(s.start) - t0) / (t1 - t0)) * 560 : 0;
      const w = s.start
        ? Math.max(2, ((Date.parse((s.end ?? s.start) as string) - Date.parse(s.start)) / (t1 - t0)) * 560)
        : 0;
      return `<text x="0" y="${i * row + 13}" font-size="11">${esc(`${s.list === "steps" ? "" : `${s.list.replace("_", "-")} `}${s.name}`.slice(0, 28))}</text>
<rect x="${180 + x}" y="${i * row + 3}" width="${w}" height="12" rx="2" fill="${COLOUR[s.status] ?? "#94a3b8"}"><title>${esc(`${s.name}: ${s.status}, ${s.duration_seconds ?? 0}s`)}</title></rect>`;
    })
    .join("");
  return `<svg role="img" aria-label="Timeline" width="760" height="${t.steps.length * row + 4}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
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

function trialSection(t: JournalTrial): string {
  const rows = t.steps
    .map(
      (s) =>
        `<tr><td>${esc(s.list)}</td><td>${esc(s.description ?? s.name)}</td><td><code>${esc(s.do)}</code></td><td class="st ${esc(s.status)}">${esc(s.status)}</td><td>${s.duration_seconds ?? ""}</td></tr>`,
    )
    .join("");
  const logs = t.steps
    .map((s) => (s.logs.length ? `<h5>${esc(s.name)}</h5><pre>${esc(s.logs.join("\n"))}</pre>` : ""))
    .join("");
  return `<section class=trial><h3><span class="badge ${esc(t.status.replace(" ", "_"))}">${esc(t.status)}</span> Trial ${esc(t.id)}</h3>
<p>Started ${esc(t.start ?? "—")} · ended ${esc(t.end ?? "—")} · ${t.duration_seconds ?? 0} s · by ${esc(t.initiated_by)}${t.status_reason ? ` · ${esc(t.status_reason)}` : ""}</p>
${timeline(t)}
<table><thead><tr><th>List</th><th>Step</th><th>Action</th><th>Status</th><th>Seconds</th></tr></thead><tbody>${rows}</tbody></table>
${guardTable(t)}
<details open><summary>Logs</summary>${logs}<pre>${esc(t.result.join("\n"))}</pre></details></section>`;
}

export function renderHtml(j: Journal): string {
  const body = j.experiments
    .map(
      (e) => `<section><h2>${esc(e.name)}</h2><p>${esc(e.description)}</p>
<p>Successful trials: ${e.trials.filter((t) => t.status === "Succeeded").length} / ${e.trials.length}</p>
${e.trials.map(trialSection).join("") || "<p class=muted>No trials run.</p>"}</section>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(j.title)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;color:#0f172a;margin:2rem;max-width:980px}h1{margin:0}table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border-bottom:1px solid #e2e8f0;padding:4px 6px;text-align:left}pre{background:#f1f5f9;padding:.5rem;white-space:pre-wrap;font-size:12px}
.muted{color:#64748b}.badge{padding:1px 8px;border-radius:9px;color:#fff;background:#64748b}.Succeeded{background:#16a34a}.Failed,.Invalid{background:#dc2626}.Aborted{background:#ea580c}
.In_Progress{background:#2563eb}.st.succeeded{color:#16a34a}.st.failed{color:#dc2626}.summary{display:flex;gap:2rem;margin:1rem 0}.summary b{font-size:1.5rem;display:block}
section.trial{page-break-inside:avoid;border-top:1px solid #cbd5e1;margin-top:1rem}@media print{details{display:block}}</style></head>
<body><h1>${esc(j.title)}</h1><p class=muted>Generated ${esc(j.generated_at)}</p>
<div class=summary><div><b>${j.summary.experiments}</b>experiments</div><div><b>${j.summary.trials}</b>trials</div><div><b>${j.summary.succeeded}</b>succeeded</div><div><b>${j.summary.failed}</b>failed</div><div><b>${pct(j.summary.success_rate)}</b>success rate</div></div>
${body || "<p class=muted>No experiments.</p>"}</body></html>`;
}
