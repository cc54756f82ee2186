/** Picks the format (`?format=` first, then `Accept`), renders, and names the file after what it holds. */
import { AppError } from "@/lib/api/errors";
import type { ReportSource, ReportTrial } from "./collect";
import { htmlWriter } from "./html";
import { type Journal, type JournalHead, journalHead, journalTrial } from "./journal";
import { jsonWriter } from "./json";
import { junitWriter } from "./junit";
import { markdownWriter } from "./markdown";
import { renderPdf } from "./pdf";
import { fromJournal, reportChunks, streamChunks, type WriterFactory } from "./stream";
import { xmlWriter } from "./xml";

export const FORMATS = {
  xml: { type: "application/xml; charset=utf-8", ext: "xml" },
  json: { type: "application/json; charset=utf-8", ext: "json" },
  html: { type: "text/html; charset=utf-8", ext: "html" },
  junit: { type: "application/xml; charset=utf-8", ext: "junit.xml" },
  pdf: { type: "application/pdf", ext: "pdf" },
  md: { type: "text/markdown; charset=utf-8", ext: "md" },
} as const;
export type Format = keyof typeof FORMATS;

const BY_ACCEPT: [RegExp, Format][] = [
  [/application\/pdf/, "pdf"],
  [/text\/html/, "html"],
  [/text\/markdown/, "md"],
  [/application\/json/, "json"],
  [/application\/junit\+xml/, "junit"],
];

export function chooseFormat(param: string | null, accept: string | null): Format {
  if (param) {
    if (Object.hasOwn(FORMATS, param)) return param as Format;
    throw new AppError("validation", "Invalid format.", {
      fields: { format: [`"${param}" is not a valid choice (${Object.keys(FORMATS).join(", ")}).`] },
    });
  }
  return BY_ACCEPT.find(([re]) => re.test(accept ?? ""))?.[1] ?? "xml"; // Kallisti's report is XML
}

const WRITERS: Record<Exclude<Format, "pdf">, WriterFactory<ReportTrial>> = {
  xml: xmlWriter,
  json: fromJournal(jsonWriter),
  html: fromJournal(htmlWriter),
  junit: fromJournal(junitWriter),
  md: fromJournal(markdownWriter),
};

/**
 * The report as a response. Every format but the PDF is streamed, a page of trials at a time; the
 * PDF is laid out as one document, so it is built in memory.
 */
export async function renderReport(
  source: ReportSource,
  format: Format,
  title: string,
  scope: string,
  timeZone = "UTC",
): Promise<Response> {
  const head = journalHead(source.experiments, title, Date.now(), timeZone);
  const body =
    format === "pdf"
      ? new Uint8Array(await renderPdf(await wholeJournal(source, head)))
      : streamChunks(reportChunks(source, head, WRITERS[format]));
  const date = head.generated_at.slice(0, 10);
  const { type, ext } = FORMATS[format];
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="eris-report-${scope}-${date}.${ext}"`,
      vary: "Accept",
    },
  });
}

async function wholeJournal(source: ReportSource, head: JournalHead): Promise<Journal> {
  const experiments: Journal["experiments"] = [];
  for (const e of head.experiments) {
    const trials: Journal["experiments"][number]["trials"] = [];
    for await (const page of source.trialPages(e.id)) trials.push(...page.map(journalTrial));
    experiments.push({ ...e, trials });
  }
  return { ...head, experiments };
}
