/**
 * Reports are written as a stream: every trial of a large selection appears exactly once, in order,
 * across the pages the stream reads; the streamed text is exactly the journal written in one piece;
 * and the stream reads the database only as fast as its reader takes the text.
 */
import { afterEach, beforeAll, expect, test, vi } from "vitest";
import { getDb } from "@/db/client";
import { trials } from "@/db/tables";
import { newId } from "@/lib/ids";
import { collectReport, openReport, type ReportSource } from "@/lib/reports/collect";
import { htmlWriter } from "@/lib/reports/html";
import { buildJournal } from "@/lib/reports/journal";
import { jsonWriter } from "@/lib/reports/json";
import { junitWriter } from "@/lib/reports/junit";
import { markdownWriter } from "@/lib/reports/markdown";
import { renderReport } from "@/lib/reports/render";
import { writeJournal } from "@/lib/reports/stream";
import { api, createExperiment } from "./client";

const COUNT = 250; // two and a half pages
let experimentId = "";
let emptyExperimentId = "";
let insertedIds: string[] = [];
const T0 = Date.parse("2026-11-01T00:00:00Z");

async function insertTrial(createdAt: number, status: "Succeeded" | "Failed" = "Succeeded") {
  const id = newId();
  await getDb()
    .insert(trials)
    .values({
      id,
      experimentId,
      status,
      parameters: {},
      metadata: {},
      ticket: {},
      records: { steps: [{ step_name: "Wait", do: "cm.wait", status: "succeeded", logs: [`log of ${id}`] }] },
      initiatedBy: "stream-test",
      scheduledFor: createdAt,
      executedAt: createdAt,
      completedAt: createdAt + 1000,
      createdAt,
    });
  return id;
}

beforeAll(async () => {
  experimentId = (
    await createExperiment({ name: "streamed", steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] })
  ).id;
  emptyExperimentId = (await createExperiment({ name: "never run" })).id;
  // Groups of seven trials share a creation time, so ties fall across the pages' boundaries.
  insertedIds = [];
  for (let i = 0; i < COUNT; i++) {
    insertedIds.push(await insertTrial(T0 + Math.floor(i / 7) * 1000, i % 5 ? "Succeeded" : "Failed"));
  }
});
afterEach(() => vi.useRealTimers());

async function report(source: ReportSource, format: "json" | "md" | "html" | "junit" | "xml") {
  return (await renderReport(source, format, "Stream", "test")).text();
}

test("a selection larger than a page: every trial once, oldest first, counted as the summary says", async () => {
  const res = await api("GET", `/api/v1/report?experiment=${experimentId}&format=json`);
  expect(res.status).toBe(200);
  const journal = res.body;
  const [exp] = journal.experiments;
  const ids = exp.trials.map((t: { id: string }) => t.id);
  expect(ids).toHaveLength(COUNT);
  expect(new Set(ids).size).toBe(COUNT);
  expect(new Set(ids)).toEqual(new Set(insertedIds));
  const starts = exp.trials.map((t: { start: string }) => Date.parse(t.start));
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  expect(exp.summary).toMatchObject({ trials: COUNT, failed: COUNT / 5, succeeded: COUNT - COUNT / 5 });
  expect(journal.summary).toMatchObject({ experiments: 1, trials: COUNT });
});

test("the streamed text is exactly the journal written in one piece, in every streamed format", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-25T12:00:00Z"));
  const filter = {};
  const whole = buildJournal(await collectReport(getDb(), filter), "Stream", Date.now(), "UTC");
  const json = await report(await openReport(getDb(), filter), "json");
  expect(json).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  // The experiment without trials is there, with an empty list, and the text parses.
  const parsed = JSON.parse(json);
  expect(parsed.experiments.find((e: { id: string }) => e.id === emptyExperimentId).trials).toEqual([]);
  expect(await report(await openReport(getDb(), filter), "md")).toBe(writeJournal(markdownWriter, whole));
  expect(await report(await openReport(getDb(), filter), "html")).toBe(writeJournal(htmlWriter, whole));
  expect(await report(await openReport(getDb(), filter), "junit")).toBe(writeJournal(junitWriter, whole));
  expect(writeJournal(jsonWriter, whole)).toBe(json);
});

test("an empty selection is still a whole document in every format", async () => {
  const source = await openReport(getDb(), { experimentId, since: Date.parse("2030-01-01T00:00:00Z") });
  expect(JSON.parse(await report(source, "json")).experiments).toEqual([]);
  const xml = await report(
    await openReport(getDb(), { experimentId, since: Date.parse("2030-01-01T00:00:00Z") }),
    "xml",
  );
  expect(xml).toMatch(/<root><\/root><\/report>\n$/);
});

test("the stream reads a page of trials only when its reader asks for more", async () => {
  const source = await openReport(getDb(), { experimentId });
  let pagesRead = 0;
  const counting: ReportSource = {
    experiments: source.experiments,
    async *trialPages(id, size) {
      for await (const page of source.trialPages(id, size)) {
        pagesRead++;
        yield page;
      }
    },
  };
  const res = await renderReport(counting, "json", "Stream", "test");
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  await reader.read(); // the head
  await reader.read(); // the experiment
  await reader.read(); // its first page
  expect(pagesRead).toBeLessThan(3);
  await reader.cancel();
  // A reader that goes away stops the reading.
  expect(pagesRead).toBeLessThan(3);
});

test("trials created while a report is written are not in it, so its counts and its trials agree", async () => {
  const source = await openReport(getDb(), { experimentId }, Date.now());
  const late = await insertTrial(Date.now() + 5_000);
  const journal = JSON.parse(await report(source, "json"));
  const ids = journal.experiments[0].trials.map((t: { id: string }) => t.id);
  expect(ids).not.toContain(late);
  expect(ids).toHaveLength(journal.experiments[0].summary.trials);
});
