/** JUnit XML: a test suite per trial, a test case per step, so CI systems can ingest chaos results. */
import type { JournalTrial } from "./journal";
import type { ExperimentHead, WriterFactory } from "./stream";
import { xmlText } from "./xml-text";

const esc = xmlText;

const failureOf = (logs: string[]) =>
  logs.find((l) => /ERROR\] /.test(l))?.replace(/^\[.*? - ERROR\] /, "") ?? "step failed";

function suite(e: ExperimentHead, t: JournalTrial): string {
  const failures = t.steps.filter((s) => s.status === "failed" || s.status === "interrupted").length;
  const skipped = t.steps.filter((s) => s.status === "not_run" || s.status === "stopped").length;
  const cases = t.steps.map((s) => {
    const head = `<testcase classname="${esc(`${e.name}.${s.list}`)}" name="${esc(`${s.index + 1}. ${s.description ?? s.name} (${s.do})`)}" time="${(s.duration_seconds ?? 0).toFixed(3)}"`;
    const out = s.logs.length ? `<system-out>${esc(s.logs.join("\n"))}</system-out>` : "";
    if (s.status === "failed" || s.status === "interrupted") {
      const msg = failureOf(s.logs);
      return `${head}><failure message="${esc(msg)}" type="${esc(s.status)}">${esc(s.logs.join("\n"))}</failure>${out}</testcase>`;
    }
    if (s.status === "not_run" || s.status === "stopped")
      return `${head}><skipped message="${esc(s.status === "stopped" ? "stopped" : "not run")}"/>${out}</testcase>`;
    return `${head}>${out}</testcase>`;
  });
  // A guard is a test case too: it fails when it tripped (and stopped the trial).
  for (const g of t.guards) {
    const head = `<testcase classname="${esc(`${e.name}.guards`)}" name="${esc(`${g.name} (${g.do})`)}" time="0.000"`;
    const saw = `${g.checks} checks, ${g.failures} failed`;
    cases.push(
      g.tripped_at
        ? `${head}><failure message="${esc(`tripped at ${g.tripped_at}: ${g.last_message ?? ""}`)}" type="guard">${esc(saw)}</failure></testcase>`
        : `${head}><system-out>${esc(saw)}</system-out></testcase>`,
    );
  }
  const tripped = t.guards.filter((g) => g.tripped_at).length;
  return (
    `<testsuite name="${esc(`${e.name} — trial ${t.id}`)}" id="${t.id}" tests="${cases.length}" failures="${failures + tripped}" errors="0" skipped="${skipped}" ` +
    `time="${(t.duration_seconds ?? 0).toFixed(3)}"${t.start ? ` timestamp="${t.start.replace(/\.\d+Z$/, "")}"` : ""}>` +
    `<properties><property name="status" value="${esc(t.status)}"/><property name="initiated_by" value="${esc(t.initiated_by)}"/>` +
    `${t.status_reason ? `<property name="status_reason" value="${esc(t.status_reason)}"/>` : ""}</properties>${cases.join("")}</testsuite>`
  );
}

export const junitWriter: WriterFactory = (head) => ({
  begin: () => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(head.title)}">`,
  experimentStart: () => "",
  trial: (t, _, e) => suite(e, t),
  experimentEnd: () => "",
  end: () => "</testsuites>\n",
});
