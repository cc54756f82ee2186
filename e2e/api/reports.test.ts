/** Reports in every format, from trials the real executor ran: structure, masking and filters. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Ajv2020 from "ajv/dist/2020";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { GET as reportGet } from "@/app/api/v1/report/route";
import { getDb } from "@/db/client";
import { BUILTIN_TOOLBOX } from "@/lib/modules/registry";
import { executeQueued } from "@/e2e/fixtures/in-process-runner";
import { pdfText } from "@/e2e/fixtures/pdf-text";
import { api } from "./client";
import { IDENTITIES } from "./identities";

const SECRET = "Bearer s3cr3t-never-shown";
const PASSWORD_PARAM = "hunter2-never-shown";
let server: http.Server;
let experimentId = "";
const trialIds: string[] = [];

async function runTrial(parameters: Record<string, unknown> = {}) {
  const t = (await api("POST", "/api/v1/trial/", { experiment: experimentId, parameters })).body;
  await executeQueued(getDb(), BUILTIN_TOOLBOX, t.id);
  return t.id as string;
}

beforeAll(async () => {
  server = http.createServer((req, res) => res.writeHead(req.url === "/down" ? 503 : 200).end("ok"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const exp = await api("POST", "/api/v1/experiment/", {
    name: "Report <&> me",
    description: "probe then wait",
    parameters: { password: PASSWORD_PARAM, path: "/ok" },
    steps: [
      {
        step: "probe",
        do: "cm.http_probe",
        where: { url: `${base}{{ path }}`, headers: { Authorization: SECRET } },
        expect: [{ operator: "eq", status_code: 200 }],
      },
      { do: "cm.wait", where: { time_in_seconds: 0 } },
    ],
    post_steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }],
  });
  experimentId = exp.body.id;
  trialIds.push(await runTrial()); // Succeeded
  trialIds.push(await runTrial({ path: "/down" })); // Failed at the probe
});
afterAll(() => server.close());

async function fetchReport(query: string, headers: Record<string, string> = {}) {
  const req = new Request(`http://eris.test/api/v1/report?${query}`, {
    headers: { authorization: `Bearer ${IDENTITIES.viewer.token}`, ...headers },
  });
  const res = await reportGet(req, { params: Promise.resolve({}) });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}
const text = async (q: string, h?: Record<string, string>) => (await fetchReport(q, h)).bytes.toString("utf8");
const noSecrets = (s: string) => {
  expect(s).not.toContain("s3cr3t-never-shown");
  expect(s).not.toContain(PASSWORD_PARAM);
};

test("XML: Kallisti's envelope with the embedded XSL, well-formed, masked, without the records duplicate", async () => {
  const { res, bytes } = await fetchReport(`trial-id=${trialIds[0]}`);
  expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
  expect(res.headers.get("content-disposition")).toMatch(
    new RegExp(`^attachment; filename="eris-report-trial-${trialIds[0].slice(0, 8)}-\\d{4}-\\d\\d-\\d\\d\\.xml"$`),
  );
  const xml = bytes.toString("utf8");
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).toMatch(
    /^<\?xml version="1\.0" encoding="utf-8"\?>\n<\?xml-stylesheet type="text\/xsl" href="#reportstyle"\?>/,
  );
  const doc = new XMLParser().parse(xml);
  expect(doc.report["report-title"]).toBe("Eris Report");
  const exp = doc.report.root["list-item"];
  expect(exp.name).toBe("Report <&> me");
  expect(exp.trials["list-item"].status).toBe("Succeeded");
  expect(xml).not.toContain("<records>");
  noSecrets(xml);
  expect((await fetchReport("trial-id=not-a-uuid")).res.status).toBe(404);
});

test("JSON journal: matches its published JSON Schema and tells the story of each trial", async () => {
  const journal = JSON.parse(await text(`experiment=${experimentId}&format=json`));
  const schema = (await api("GET", "/api/v1/report/schema")).body;
  const validate = new Ajv2020({ strict: false }).compile(schema);
  expect(validate(journal), JSON.stringify(validate.errors)).toBe(true);
  expect(journal.summary).toMatchObject({ experiments: 1, trials: 2, succeeded: 1, failed: 1, success_rate: 0.5 });
  const [ok, failed] = journal.experiments[0].trials;
  expect(ok.steps.map((s: { list: string; status: string }) => `${s.list}:${s.status}`)).toEqual([
    "steps:succeeded",
    "steps:succeeded",
    "post_steps:succeeded",
  ]);
  expect(ok.steps[0]).toMatchObject({
    name: "Http probe",
    description: "probe",
    do: "cm.http_probe",
    expect: [{ operator: "eq", status_code: 200 }],
  });
  expect(ok.steps[0].duration_seconds).toBeGreaterThanOrEqual(0);
  expect(failed.steps.map((s: { status: string }) => s.status)).toEqual(["failed", "not_run", "succeeded"]);
  expect(failed.status_reason).toMatch(/^\[in: steps, reason: Http probe failed/);
  expect(ok.parameters).toEqual({});
  expect(journal.experiments[0].parameters.password).toBe("*****");
  noSecrets(JSON.stringify(journal));
});

test("HTML: one self-contained page (no external requests) with summary, timeline, steps and logs", async () => {
  const html = await text(`experiment=${experimentId}`, { accept: "text/html" });
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/<script|<link|src="https?:|url\(https?:/i);
  expect(html).toContain("Report &lt;&amp;&gt; me");
  expect(html).toContain('<svg role="img" aria-label="Timeline"');
  expect(html).toContain("50%"); // success rate across the selected trials
  expect(html).toContain("Starting command execution.");
  noSecrets(html);
});

test("JUnit: a test case per step, failures carry the failure message, skipped steps are skipped", async () => {
  const xml = await text(`experiment=${experimentId}&format=junit`);
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
  const suites = doc.testsuites.testsuite;
  expect(suites).toHaveLength(2);
  expect(suites[0]).toMatchObject({ tests: "3", failures: "0", skipped: "0" });
  expect(suites[1]).toMatchObject({ tests: "3", failures: "1", skipped: "1" });
  const failedCase = suites[1].testcase[0];
  expect(failedCase.name).toBe("1. probe (cm.http_probe)");
  expect(failedCase.failure.message).toMatch(
    /^Step failed\. Type: FailedAction\. Error: Http probe failed after .* with status code 503/,
  );
  expect(suites[1].testcase[1]).toHaveProperty("skipped");
  noSecrets(xml);
});

test("PDF: a valid document with the report's content, generated on the server", async () => {
  const { res, bytes } = await fetchReport(`experiment=${experimentId}&format=pdf`);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
  const drawn = pdfText(bytes);
  expect(drawn).toContain("Eris Report");
  expect(drawn).toContain("Report <&> me");
  expect(drawn).toContain("Success rate 50%");
  expect(drawn).toMatch(/Failed: trial/);
  noSecrets(drawn);
  noSecrets(bytes.toString("latin1"));
});

test("Markdown, Accept negotiation, filters and bad input", async () => {
  expect(await text(`experiment=${experimentId}&format=md`)).toMatch(/^# Eris Report\n/);
  expect(
    (await fetchReport(`experiment=${experimentId}`, { accept: "application/json" })).res.headers.get("content-type"),
  ).toContain("application/json");
  const journal = (q: string) => text(`${q}&format=json`).then((s) => JSON.parse(s));
  expect((await journal(`experiment=${experimentId}`)).summary.trials).toBe(2);
  expect((await journal(`since=${new Date(Date.now() + 60_000).toISOString()}`)).summary.trials).toBe(0);
  expect((await journal(`until=${new Date(Date.now() + 60_000).toISOString()}`)).summary.trials).toBeGreaterThanOrEqual(
    2,
  );
  expect((await journal("schedule=00000000-0000-4000-8000-000000000000")).summary.trials).toBe(0);
  const bad = await fetchReport("format=docx");
  expect(bad.res.status).toBe(400);
  expect(JSON.parse(bad.bytes.toString())).toEqual({
    format: ['"docx" is not a valid choice (xml, json, html, junit, pdf, md).'],
  });
  expect((await fetchReport("experiment=00000000-0000-4000-8000-000000000009")).res.status).toBe(404);
});

test("times in the human-readable formats are in the zone asked for, and named; an unknown zone is a 400 on tz", async () => {
  const paris = await text(`experiment=${experimentId}&format=md&tz=Europe/Paris`);
  expect(paris).toMatch(/times are in Europe\/Paris/);
  expect(paris).toMatch(/Started \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d:\d\d (CET|CEST|GMT\+1|GMT\+2),/);
  const utc = await text(`experiment=${experimentId}&format=html`);
  expect(utc).toMatch(/\d\d:\d\d:\d\d UTC/);
  // The JSON journal keeps machine times and says which zone the other formats used.
  expect(JSON.parse(await text(`experiment=${experimentId}&format=json&tz=Asia/Tokyo`)).time_zone).toBe("Asia/Tokyo");
  const bad = await fetchReport("format=html&tz=Mars/Olympus");
  expect(bad.res.status).toBe(400);
  expect(JSON.parse(bad.bytes.toString())).toEqual({ tz: ["Must be an IANA time zone, e.g. Europe/Paris."] });
});
