/**
 * The PDF report, laid out on the server with pdfkit: the HTML report's content in print form,
 * the same summary sentence, per trial the same timeline chart (drawn bars) and step table, and
 * the logs; times in the report's zone, which is named.
 */
import PDFDocument from "pdfkit";
import { STEP_COLOUR } from "./html";
import type { Journal, JournalTrial } from "./journal";
import { formatSeconds, formatTime, overallSentence, stepLabel, summarySentence } from "./summary";

type Doc = PDFKit.PDFDocument;

const INK = "#0f172a";
const MUTED = "#475569";
const RULE = "#cbd5e1";
const STATUS_COLOUR: Record<string, string> = {
  Succeeded: "#15803d",
  Failed: "#b91c1c",
  Invalid: "#b91c1c",
  Aborted: "#c2410c",
};
const LOG_LINES_PER_STEP = 20;

/** Starts a new page when `height` more points would not fit on this one. */
function room(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

const left = (doc: Doc) => doc.page.margins.left;
const width = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** The timeline: one row per step, its name on the left, its bar on a shared time axis. */
function timeline(doc: Doc, t: JournalTrial) {
  const timed = t.steps.filter((s) => s.start);
  if (!timed.length) {
    doc.font("Helvetica-Oblique").fontSize(9).fillColor(MUTED).text("No step ran.").fillColor(INK);
    return;
  }
  const t0 = Math.min(...timed.map((s) => Date.parse(s.start as string)));
  const t1 = Math.max(...timed.map((s) => Date.parse((s.end ?? s.start) as string)), t0 + 1);
  const labelWidth = 150;
  const barWidth = width(doc) - labelWidth - 10;
  const row = 14;
  room(doc, t.steps.length * row + 8);
  const top = doc.y + 2;
  doc.font("Helvetica").fontSize(8);
  t.steps.forEach((s, i) => {
    const y = top + i * row;
    const prefix = s.list === "steps" ? "" : s.list === "pre_steps" ? "pre: " : "rollback: ";
    doc
      .fillColor(INK)
      .text(`${prefix}${stepLabel(s)}`, left(doc), y + 2, { width: labelWidth, lineBreak: false, ellipsis: true });
    doc.rect(left(doc) + labelWidth, y + 1, barWidth, row - 3).fill("#f1f5f9");
    if (!s.start) return;
    const start = Date.parse(s.start);
    const end = Date.parse(s.end ?? s.start);
    const x = ((start - t0) / (t1 - t0)) * barWidth;
    const w = Math.max(2, ((end - start) / (t1 - t0)) * barWidth);
    doc
      .rect(left(doc) + labelWidth + x, y + 1, Math.min(w, barWidth - x), row - 3)
      .fill(STEP_COLOUR[s.status] ?? "#94a3b8");
  });
  doc.fillColor(MUTED).text(`0 s`, left(doc) + labelWidth, top + t.steps.length * row, { lineBreak: false });
  doc.text(formatSeconds((t1 - t0) / 1000), left(doc) + labelWidth, top + t.steps.length * row, {
    width: barWidth,
    align: "right",
  });
  doc.x = left(doc);
  doc.fillColor(INK).moveDown(0.5);
}

const COLUMNS: [string, number][] = [
  ["List", 0.13],
  ["Step", 0.3],
  ["Action", 0.27],
  ["Status", 0.15],
  ["Duration", 0.15],
];

/** The step table, as in the HTML report: list, step, action, status, duration. */
function stepTable(doc: Doc, t: JournalTrial) {
  const cells = t.steps.map((s) => [
    s.list.replace("_", "-"),
    stepLabel(s),
    s.do,
    s.status.replace("_", " "),
    formatSeconds(s.duration_seconds),
  ]);
  const rowHeight = 14;
  const line = (cols: string[], font: string, colour: (i: number) => string) => {
    room(doc, rowHeight);
    const y = doc.y;
    let x = left(doc);
    doc.font(font).fontSize(8);
    cols.forEach((text, i) => {
      const w = COLUMNS[i][1] * width(doc);
      doc.fillColor(colour(i)).text(text, x + 2, y + 3, { width: w - 4, lineBreak: false, ellipsis: true });
      x += w;
    });
    doc
      .moveTo(left(doc), y + rowHeight)
      .lineTo(left(doc) + width(doc), y + rowHeight)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = left(doc);
    doc.y = y + rowHeight;
  };
  line(
    COLUMNS.map(([name]) => name),
    "Helvetica-Bold",
    () => MUTED,
  );
  cells.forEach((c, r) => {
    line(c, "Helvetica", (i) => (i === 3 ? (STEP_COLOUR[t.steps[r].status] ?? INK) : INK));
  });
  doc.moveDown(0.5);
}

function logs(doc: Doc, t: JournalTrial) {
  for (const s of t.steps) {
    if (!s.logs.length) continue;
    room(doc, 24);
    doc
      .font("Helvetica-Bold")
      .fontSize(8)
      .fillColor(INK)
      .text(`Log of ${stepLabel(s)}`);
    doc.font("Courier").fontSize(7).fillColor("#334155");
    for (const l of s.logs.slice(0, LOG_LINES_PER_STEP)) doc.text(l.length > 160 ? `${l.slice(0, 157)}...` : l);
    if (s.logs.length > LOG_LINES_PER_STEP)
      doc.text(`(${s.logs.length - LOG_LINES_PER_STEP} more lines in the HTML and JSON reports)`);
  }
  doc.font("Courier").fontSize(7).fillColor("#334155");
  for (const l of t.result) doc.text(l);
  doc.font("Helvetica").fontSize(9).fillColor(INK);
}

function guards(doc: Doc, t: JournalTrial, zone: string) {
  for (const g of t.guards) {
    room(doc, 14);
    doc
      .font("Helvetica")
      .fontSize(9)
      .fillColor(g.tripped_at ? (STATUS_COLOUR.Failed ?? INK) : INK)
      .text(
        `Guard ${g.name} (${g.do}): ${g.checks} checks, ${g.failures} failed${g.tripped_at ? `, tripped at ${formatTime(g.tripped_at, zone)}: ${g.last_message ?? ""}` : ", held"}`,
      );
  }
  doc.fillColor(INK);
}

function trial(doc: Doc, t: JournalTrial, zone: string) {
  room(doc, 60);
  doc
    .moveDown(0.6)
    .font("Helvetica-Bold")
    .fontSize(11)
    .fillColor(STATUS_COLOUR[t.status] ?? MUTED)
    .text(`${t.status}: trial ${t.id}`);
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor(INK)
    .text(
      `Started ${formatTime(t.start, zone)}, ended ${formatTime(t.end, zone)}, ${formatSeconds(t.duration_seconds)}, by ${t.initiated_by}${t.status_reason ? `. ${t.status_reason}` : ""}`,
    )
    .moveDown(0.3);
  timeline(doc, t);
  stepTable(doc, t);
  guards(doc, t, zone);
  logs(doc, t);
}

export function renderPdf(j: Journal, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    compress: opts.compress ?? true,
    info: { Title: j.title, Creator: "Eris" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const zone = j.time_zone;

  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text(j.title);
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor(MUTED)
    .text(`Generated ${formatTime(j.generated_at, zone)}. Times are in ${zone}.`)
    .fillColor(INK)
    .moveDown();
  doc.font("Helvetica-Bold").fontSize(11).text(overallSentence(j.summary));
  for (const e of j.experiments) {
    room(doc, 50);
    doc.moveDown().font("Helvetica-Bold").fontSize(14).fillColor(INK).text(e.name);
    if (e.description) doc.font("Helvetica").fontSize(10).text(e.description);
    doc.font("Helvetica-Bold").fontSize(10).text(summarySentence(e.summary));
    if (!e.trials.length)
      doc.font("Helvetica-Oblique").fontSize(9).fillColor(MUTED).text("No trials run.").fillColor(INK);
    for (const t of e.trials) trial(doc, t, zone);
  }
  doc.end();
  return done;
}
