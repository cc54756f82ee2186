/** Picks the format (`?format=` first, then `Accept`), renders, and names the file after what it holds. */
import { AppError } from "@/lib/api/errors";
import { renderHtml } from "./html";
import { buildJournal } from "./journal";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { renderPdf } from "./pdf";
import { renderXml } from "./xml";
import type { ReportGroup } from "./collect";

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

export async function renderReport(
  groups: ReportGroup[],
  format: Format,
  title: string,
  scope: string,
  timeZone = "UTC",
): Promise<Response> {
  const journal = buildJournal(groups, title, Date.now(), timeZone);
  const body: string | Buffer =
    format === "xml"
      ? renderXml(groups, title)
      : format === "json"
        ? `${JSON.stringify(journal, null, 2)}\n`
        : format === "html"
          ? renderHtml(journal)
          : format === "junit"
            ? renderJunit(journal)
            : format === "md"
              ? renderMarkdown(journal)
              : await renderPdf(journal);
  const date = journal.generated_at.slice(0, 10);
  const { type, ext } = FORMATS[format];
  return new Response(new Uint8Array(typeof body === "string" ? Buffer.from(body) : body), {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="eris-report-${scope}-${date}.${ext}"`,
      vary: "Accept",
    },
  });
}
