import fs from "node:fs";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { pdfText } from "../fixtures/pdf-text";
import { adminAuth } from "./accounts";
import { createExperiment, startTrial, stopTrial, unique, waitForStatus } from "./helpers";

/** Filled rectangles pdfkit drew (`x y w h re` then a fill), across every content stream. */
function pdfRectangles(pdf: Buffer): number {
  let count = 0;
  for (const m of pdf.toString("latin1").matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1], "latin1")).toString("latin1");
    } catch {
      content = m[1];
    }
    count += content.match(/ re\s/g)?.length ?? 0;
  }
  return count;
}

test("every report format downloads from the trial page, and the experiment page offers them too", async ({
  page,
  request,
}) => {
  const exp = await (
    await request.post("/api/v1/experiment/", {
      headers: adminAuth(),
      data: {
        name: "reported",
        parameters: { token: "tok-never-shown" },
        steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }],
      },
    })
  ).json();
  const trial = await (
    await request.post("/api/v1/trial/", { headers: adminAuth(), data: { experiment: exp.id } })
  ).json();
  await expect
    .poll(
      async () => (await (await request.get(`/api/v1/trial/${trial.id}`, { headers: adminAuth() })).json()).status,
      { timeout: 20_000 },
    )
    .toBe("Succeeded");

  await page.goto(`/trials/${trial.id}`);
  const links = page.getByTestId("report-downloads");
  const expected: [string, RegExp, (body: Buffer) => void][] = [
    ["HTML", /\.html$/, (b) => expect(b.toString()).toContain("<!doctype html>")],
    ["PDF", /\.pdf$/, (b) => expect(b.subarray(0, 5).toString()).toBe("%PDF-")],
    ["JSON", /\.json$/, (b) => expect(JSON.parse(b.toString()).format).toBe("eris-journal/1")],
    ["JUnit", /\.junit\.xml$/, (b) => expect(b.toString()).toContain("<testsuites")],
    ["Markdown", /\.md$/, (b) => expect(b.toString()).toMatch(/^# /)],
    ["XML", /\.xml$/, (b) => expect(b.toString()).toContain("<report-title>")],
  ];
  for (const [label, name, check] of expected) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      links.getByRole("link", { name: label, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^eris-report-trial-${trial.id.slice(0, 8)}-\\d{4}-\\d\\d-\\d\\d`),
    );
    expect(download.suggestedFilename()).toMatch(name);
    const body = fs.readFileSync((await download.path()) as string);
    check(body);
    expect(body.toString("latin1")).not.toContain("tok-never-shown");
  }

  await page.goto(`/experiments/${exp.id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("report-downloads").getByRole("link", { name: "HTML", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^eris-report-experiment-${exp.id.slice(0, 8)}-.*\\.html$`));
});

test("an experiment's report tells one story in every format; the PDF has the HTML's summary, chart and step table", async ({
  request,
}) => {
  test.setTimeout(90_000);
  const exp = await createExperiment(request, {
    name: unique("Consistent report"),
    parameters: { seconds: 0 },
    steps: [{ step: "Quick step", do: "cm.wait", where: { time_in_seconds: "{{ seconds }}" } }],
  });
  // Two that succeed, three stopped before they could finish: 5 trials, 2 with an outcome.
  for (let i = 0; i < 2; i++) await waitForStatus(request, await startTrial(request, exp.id), /^Succeeded$/);
  const stopped = [];
  for (let i = 0; i < 3; i++) stopped.push(await startTrial(request, exp.id, { seconds: 60 }));
  for (const id of stopped) await stopTrial(request, id);
  for (const id of stopped) await waitForStatus(request, id, /^Stopped$/);

  const get = async (format: string) =>
    (await request.get(`/api/v1/report?experiment=${exp.id}&format=${format}`, { headers: adminAuth() })).body();
  const html = (await get("html")).toString();
  const md = (await get("md")).toString();
  const pdf = await get("pdf");
  const text = pdfText(pdf);

  for (const [format, body] of [
    ["html", html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")],
    ["md", md],
    ["pdf", text.replace(/\s+/g, " ")],
  ]) {
    expect(body, format).toMatch(/\b1 experiment\b/);
    expect(body, format).not.toMatch(/1 experiments/);
    expect(body, format).toMatch(/5 trials/);
    expect(body, format).toMatch(/2 succeeded/);
    expect(body, format).toMatch(/success rate 100%/i);
    expect(body, format).toMatch(/2 of 2 with an outcome/);
    expect(body, format).not.toMatch(/2 \/ 5/);
  }
  // The timeline names steps as the table does.
  const timeline = /<svg[^>]*aria-label="Timeline"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
  expect(timeline).toContain("Quick step");
  expect(timeline).not.toContain(">Wait<");
  // The PDF: the step table's name, readable times in a named zone, and a drawn chart.
  expect(text).toContain("Quick step");
  // (Log lines keep the runner's own ISO stamps; the report's own times read as dates.)
  expect(text.replace(/\s+/g, " ")).toMatch(/Started \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d:\d\d UTC/);
  expect(text).not.toMatch(/(Started|ended|Generated) \d{4}-\d\d-\d\dT/);
  // Each trial whose step ran draws the axis track and the step's bar: at least the two that succeeded.
  expect(pdfRectangles(pdf)).toBeGreaterThanOrEqual(4);
});
