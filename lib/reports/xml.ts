/**
 * Kallisti's XML report: the same envelope (`<report>`, an embedded XSL so the file opens as a page
 * in a browser, `<report-title>`, `<root>` of `<list-item>`s), with secrets masked, without the
 * Python-repr `records` duplicate, and always well-formed (keys that are not XML names become
 * `<entry key="...">`).
 */
import { isoTime } from "@/lib/api/time";
import type { ReportTrial } from "./collect";
import type { WriterFactory } from "./stream";
import { xmlText } from "./xml-text";
import { REPORT_XSL } from "./xsl";

const esc = xmlText;
const NAME = /^[A-Za-z_][\w.-]*$/;

function toXml(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => `<list-item>${toXml(v)}</list-item>`).join("");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) =>
        NAME.test(k) && !/^xml/i.test(k) ? `<${k}>${toXml(v)}</${k}>` : `<entry key="${esc(k)}">${toXml(v)}</entry>`,
      )
      .join("");
  }
  return esc(String(value));
}

const trialXml = (t: ReportTrial) =>
  toXml({
    id: t.id,
    experiment_revision: t.experimentRevision,
    trial_record: t.records,
    guard_record: t.guardRecord,
    parameters: t.parameters,
    metadata: t.metadata,
    ticket: t.ticket,
    status: t.status,
    executed_at: isoTime(t.executedAt),
    completed_at: isoTime(t.completedAt),
    initiated_by: t.initiatedBy,
    initiated_from: t.initiatedFrom,
  });

/** Kallisti's shape: `<root>` holds a `<list-item>` per experiment, its `<trials>` last. */
export const xmlWriter: WriterFactory<ReportTrial> = (head) => ({
  begin: () =>
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<?xml-stylesheet type="text/xsl" href="#reportstyle"?><!DOCTYPE report [<!ATTLIST xsl:stylesheet id ID #REQUIRED>]>' +
    `<report>\n${REPORT_XSL}<report-title>${esc(head.title)}</report-title><root>`,
  experimentStart: (e) =>
    `<list-item>${toXml({
      id: e.id,
      name: e.name,
      description: e.description,
      metadata: e.metadata,
      parameters: e.parameters,
      pre_steps: e.pre_steps,
      steps: e.steps,
      post_steps: e.post_steps,
    })}<trials>`,
  trial: (t) => `<list-item>${trialXml(t)}</list-item>`,
  experimentEnd: () => "</trials></list-item>",
  end: () => "</root></report>\n",
});
