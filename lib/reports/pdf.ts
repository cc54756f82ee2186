/** The PDF report: the HTML report's content, laid out on the server with pdfkit. */
import PDFDocument from "pdfkit";
import type { Journal } from "./journal";

const COLOUR: Record<string, string> = {
  succeeded: "#16a34a",
  failed: "#dc2626",
  interrupted: "#dc2626",
  stopped: "#64748b",
  not_run: "#94a3b8",
};

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
  const rate = j.summary.success_rate === null ? "n/a" : `${Math.round(j.summary.success_rate * 100)}%`;

  doc.font("Helvetica-Bold").fontSize(18).text(j.title);
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor("#64748b")
    .text(`Generated ${j.generated_at}`)
    .fillColor("#0f172a")
    .moveDown();
  doc
    .fontSize(11)
    .text(
      `${j.summary.experiments} experiments, ${j.summary.trials} trials: ${j.summary.succeeded} succeeded, ${j.summary.failed} failed. Success rate ${rate}.`,
    );
  for (const e of j.experiments) {
    doc.moveDown().font("Helvetica-Bold").fontSize(14).text(e.name);
    if (e.description) doc.font("Helvetica").fontSize(10).text(e.description);
    for (const t of e.trials) {
      doc.moveDown(0.5).font("Helvetica-Bold").fontSize(11).text(`${t.status}: trial ${t.id}`);
      doc
        .font("Helvetica")
        .fontSize(9)
        .text(
          `Started ${t.start ?? "-"}, ended ${t.end ?? "-"}, ${t.duration_seconds ?? 0} s, by ${t.initiated_by}${t.status_reason ? `. ${t.status_reason}` : ""}`,
        );
      for (const s of t.steps) {
        doc
          .fillColor(COLOUR[s.status] ?? "#0f172a")
          .text(
            `${s.list} ${s.index + 1}. ${s.description ?? s.name} (${s.do}): ${s.status}${s.duration_seconds !== null ? `, ${s.duration_seconds} s` : ""}`,
          );
        doc.fillColor("#334155").font("Courier").fontSize(7);
        for (const line of s.logs.slice(0, 20)) doc.text(line.length > 160 ? `${line.slice(0, 157)}...` : line);
        doc.font("Helvetica").fontSize(9).fillColor("#0f172a");
      }
      for (const g of t.guards) {
        doc
          .fillColor(g.tripped_at ? (COLOUR.failed ?? "#b91c1c") : "#0f172a")
          .text(
            `guard ${g.name} (${g.do}): ${g.checks} checks, ${g.failures} failed${g.tripped_at ? `, tripped at ${g.tripped_at}: ${g.last_message ?? ""}` : ""}`,
          )
          .fillColor("#0f172a");
      }
      for (const line of t.result) doc.font("Courier").fontSize(7).text(line).font("Helvetica").fontSize(9);
    }
  }
  doc.end();
  return done;
}
