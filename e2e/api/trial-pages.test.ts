/**
 * Paging through the trial history: every page by offset (the deep ones are read from the oldest
 * end) and the walk along the Link header's cursor give the same trials in the same order, newest
 * first; trials of a deleted experiment are in neither, nor in the total.
 */
import { beforeAll, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { trials } from "@/db/tables";
import { newId } from "@/lib/ids";
import { type ApiResponse, api, createExperiment } from "./client";

const T0 = Date.parse("2026-10-01T00:00:00Z");
let experimentId = "";
const expected: string[] = []; // newest first

async function insert(experiment: string, createdAt: number) {
  const id = newId();
  await getDb().insert(trials).values({
    id,
    experimentId: experiment,
    status: "Succeeded",
    parameters: {},
    metadata: {},
    ticket: {},
    records: {},
    initiatedBy: "pages-test",
    scheduledFor: createdAt,
    createdAt,
  });
  return id;
}

beforeAll(async () => {
  experimentId = (await createExperiment({ name: "paged" })).id;
  const gone = (await createExperiment({ name: "deleted later" })).id;
  const inserted: string[] = [];
  // Three trials per millisecond: ties are broken by insertion order, newest first.
  for (let i = 0; i < 23; i++) {
    inserted.push(await insert(experimentId, T0 + Math.floor(i / 3)));
    await insert(gone, T0 + i);
  }
  expected.push(...inserted.reverse());
  expect((await api("DELETE", `/api/v1/experiment/${gone}/`)).status).toBe(204);
});

const ids = (body: { id: string }[]) => body.map((t) => t.id);

test("offset pages, near and deep, and the cursor walk agree, newest first", async () => {
  const byOffset: string[] = [];
  for (let offset = 0; offset < 25; offset += 5) {
    const res = await api("GET", `/api/v1/trial/?experiment=${experimentId}&limit=5&offset=${offset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Total-Count")).toBe("23");
    byOffset.push(...ids(res.body));
  }
  expect(byOffset).toEqual(expected);

  const byCursor: string[] = [];
  let next: string | undefined = `/api/v1/trial/?experiment=${experimentId}&limit=5`;
  while (next) {
    const res: ApiResponse<{ id: string }[]> = await api("GET", next);
    byCursor.push(...ids(res.body));
    next = /<([^>]+)>; rel="next"/.exec(res.headers.get("Link") ?? "")?.[1];
  }
  expect(byCursor).toEqual(expected);
});

test("the whole history, unfiltered: the deleted experiment's trials are nowhere, the last page is the oldest", async () => {
  const all = await api("GET", "/api/v1/trial/?limit=1");
  const total = Number(all.headers.get("X-Total-Count"));
  const last = await api("GET", `/api/v1/trial/?limit=3&offset=${total - 2}`);
  expect(last.body).toHaveLength(2);
  const first = await api("GET", `/api/v1/trial/?limit=${total}`);
  expect(first.body).toHaveLength(total);
  expect(ids(first.body).slice(-2)).toEqual(ids(last.body));
  expect(ids(first.body).filter((id) => expected.includes(id))).toEqual(expected);
  const beyond = await api("GET", `/api/v1/trial/?limit=5&offset=${total + 10}`);
  expect(beyond.body).toEqual([]);
});
