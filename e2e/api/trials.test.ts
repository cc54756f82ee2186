import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { type TrialStatus, trials } from "@/db/tables";
import { api, createExperiment } from "./client";

const KALLISTI_KEYS = [
  "id",
  "experiment",
  "metadata",
  "parameters",
  "ticket",
  "trial_record",
  "status",
  "executed_at",
  "completed_at",
  "initiated_by",
  "initiated_from",
];
const DRF_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const LOG_LINE_RE = /^\[\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z - INFO\] Trial Stopped\./;
const UNKNOWN_ID = "6f1c1b2e-3d4a-4b5c-8d6e-7f8091a2b3c4";

const trialPath = (id: string) => `/api/v1/trial/${id}/`;
const stopPath = (id: string) => `/api/v1/trial/${id}/stop`;

let experimentId: string;
beforeAll(async () => {
  experimentId = (await createExperiment({ metadata: { team: "sre", env: "prod" } })).id;
});

const postTrial = (body: Record<string, unknown> = {}) =>
  api("POST", "/api/v1/trial/", { experiment: experimentId, ...body });

async function createTrial(body: Record<string, unknown> = {}) {
  const res = await postTrial(body);
  if (res.status !== 201) throw new Error(`trial create failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string } & Record<string, unknown>;
}

/** Puts a trial in a status the runner would set, straight in the database. */
async function setStatus(id: string, status: TrialStatus) {
  await getDb().update(trials).set({ status }).where(eq(trials.id, id));
}

async function expectInvalid(res: Promise<{ status: number; body: unknown }>, errors: unknown) {
  const r = await res;
  expect(r.status).toBe(400);
  expect(r.body).toEqual(errors);
}

const listIds = async (query = "") =>
  ((await api("GET", `/api/v1/trial/${query}`)).body as { id: string }[]).map((t) => t.id);

describe("POST /trial", () => {
  test("seed 003's body gives 201 Scheduled with Kallisti's eleven keys first, in order", async () => {
    const res = await api("POST", "/api/v1/trial/", { experiment: experimentId });
    expect(res.status).toBe(201);
    const keys = Object.keys(res.body);
    expect(keys.slice(0, 11)).toEqual(KALLISTI_KEYS);
    expect(keys.slice(11)).toEqual([
      "schedule",
      "scheduled_for",
      "status_reason",
      "created_at",
      "experiment_revision",
      "guards",
      "guard_record",
      "blackout_override",
    ]);
    expect(res.body).toMatchObject({
      experiment: experimentId,
      parameters: {},
      ticket: {},
      trial_record: {},
      status: "Scheduled",
      executed_at: null,
      completed_at: null,
      initiated_by: "admin@eris.test",
      initiated_from: "unknown",
      schedule: null,
      status_reason: null,
    });
    expect(res.body.scheduled_for).toMatch(DRF_TIME_RE);
    expect(res.body.created_at).toMatch(DRF_TIME_RE);
    expect((await api("GET", trialPath(res.body.id))).body).toEqual(res.body);
  });

  test("metadata is merged over the experiment's; parameters and initiated_from are kept", async () => {
    const trial = await createTrial({
      metadata: { env: "staging", run: 1 },
      parameters: { ns: "x" },
      initiated_from: "cli",
    });
    expect(trial.metadata).toEqual({ team: "sre", env: "staging", run: 1 });
    expect(trial.parameters).toEqual({ ns: "x" });
    expect(trial.initiated_from).toBe("cli");
  });

  test("read-only fields are ignored", async () => {
    const trial = await createTrial({
      status: "Succeeded",
      executed_at: "2019-06-14T05:06:38.406000Z",
      initiated_by: "mallory",
      trial_record: { result: [{ logs: ["x"] }] },
    });
    expect(trial).toMatchObject({
      status: "Scheduled",
      executed_at: null,
      initiated_by: "admin@eris.test",
      trial_record: {},
    });
  });

  test("experiment is required", () =>
    expectInvalid(api("POST", "/api/v1/trial/", {}), { experiment: ["This field is required."] }));

  test("experiment may not be null", () =>
    expectInvalid(api("POST", "/api/v1/trial/", { experiment: null }), {
      experiment: ["This field may not be null."],
    }));

  test("experiment must be a UUID", () =>
    expectInvalid(api("POST", "/api/v1/trial/", { experiment: "abc" }), {
      experiment: ["“abc” is not a valid UUID."],
    }));

  test("experiment must exist", () =>
    expectInvalid(api("POST", "/api/v1/trial/", { experiment: UNKNOWN_ID }), {
      experiment: [`Invalid pk "${UNKNOWN_ID}" - object does not exist.`],
    }));

  test("experiment must not be deleted", async () => {
    const { id } = await createExperiment();
    await api("DELETE", `/api/v1/experiment/${id}/`);
    await expectInvalid(api("POST", "/api/v1/trial/", { experiment: id }), {
      experiment: [`Invalid pk "${id}" - object does not exist.`],
    });
  });

  test("a ticket may be empty or exactly {type, number}", async () => {
    expect((await createTrial({ ticket: {} })).ticket).toEqual({});
    expect((await createTrial({ ticket: { type: "CHG", number: "CHG0001" } })).ticket).toEqual({
      type: "CHG",
      number: "CHG0001",
    });
    expect((await createTrial({ ticket: { type: "INC", number: 42 } })).ticket).toEqual({ type: "INC", number: 42 });
  });

  test.each([
    ["an unknown key", { invalid: "ticket" }],
    ["a missing number", { type: "CHG" }],
    ["an extra key", { type: "CHG", number: "1", extra: true }],
    ["a non-scalar type", { type: ["CHG"], number: "1" }],
  ])("a ticket with %s is a 400 on ticket", async (_name, ticket) => {
    const res = await postTrial({ ticket });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(["ticket"]);
    expect(res.body.ticket[0]).toMatch(/ticket must be empty or exactly/);
  });

  test("ticket, parameters and metadata must be dictionaries, not null", async () => {
    await expectInvalid(postTrial({ ticket: "CHG1" }), {
      ticket: ['Expected a dictionary of items but got type "str".'],
    });
    await expectInvalid(postTrial({ parameters: null, metadata: [1] }), {
      parameters: ["This field may not be null."],
      metadata: ['Expected a dictionary of items but got type "list".'],
    });
  });

  test("initiated_from is at most 20 characters", async () => {
    expect((await createTrial({ initiated_from: "x".repeat(20) })).initiated_from).toBe("x".repeat(20));
    await expectInvalid(postTrial({ initiated_from: "x".repeat(21) }), {
      initiated_from: ["Ensure this field has no more than 20 characters."],
    });
  });

  test("secret parameters are masked", async () => {
    const trial = await createTrial({ parameters: { password: "hunter2", user: "bob" } });
    expect(trial.parameters).toEqual({ password: "*****", user: "bob" });
  });
});

describe("GET /trial", () => {
  test("lists trials newest first with X-Total-Count", async () => {
    const { id } = await createExperiment();
    const first = await api("POST", "/api/v1/trial/", { experiment: id });
    const second = await api("POST", "/api/v1/trial/", { experiment: id });
    const res = await api("GET", `/api/v1/trial/?experiment=${id}`);
    expect(res.status).toBe(200);
    expect(res.body.map((t: { id: string }) => t.id)).toEqual([second.body.id, first.body.id]);
    expect(res.headers.get("X-Total-Count")).toBe("2");
  });

  test("filters by status", async () => {
    const { id } = await createExperiment();
    const done = (await api("POST", "/api/v1/trial/", { experiment: id })).body.id;
    const running = (await api("POST", "/api/v1/trial/", { experiment: id })).body.id;
    await setStatus(done, "Succeeded");
    await setStatus(running, "In Progress");
    expect(await listIds(`?experiment=${id}&status=Succeeded`)).toEqual([done]);
    expect(await listIds(`?experiment=${id}&status=In%20Progress`)).toEqual([running]);
    expect(await listIds(`?experiment=${id}&status=Failed`)).toEqual([]);
    expect(await listIds("?status=Succeeded")).toContain(done);
  });

  test("filters by schedule", async () => {
    const { id } = await createExperiment();
    const schedule = await api("POST", `/api/v1/experiment/${id}/schedule/`, { recurrence_pattern: "@hourly" });
    const manual = (await api("POST", "/api/v1/trial/", { experiment: id })).body.id;
    const fired = randomUUID();
    await getDb().insert(trials).values({
      id: fired,
      experimentId: id,
      scheduleId: schedule.body.id,
      parameters: {},
      metadata: {},
      ticket: {},
      records: {},
      initiatedBy: "unknown",
      scheduledFor: Date.now(),
    });
    expect(await listIds(`?schedule=${schedule.body.id}`)).toEqual([fired]);
    expect(await listIds(`?experiment=${id}`)).toEqual(expect.arrayContaining([fired, manual]));
    expect((await api("GET", trialPath(fired))).body.schedule).toBe(schedule.body.id);
  });

  test.each([
    ["experiment", "abc", '"abc" is not a valid UUID.'],
    ["schedule", "xyz", '"xyz" is not a valid UUID.'],
    ["status", "Done", '"Done" is not a valid choice.'],
  ])("a bad %s filter is a 400 naming the field", async (field, value, message) => {
    await expectInvalid(api("GET", `/api/v1/trial/?${field}=${value}`), { [field]: [message] });
  });

  test("a bad since filter is a 400 naming the field", async () => {
    const res = await api("GET", "/api/v1/trial/?since=yesterday");
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(["since"]);
  });

  test("since and until filter by creation time", async () => {
    const trial = await createTrial();
    const created = Date.parse(trial.created_at as string);
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    expect(await listIds(`?since=${at(created)}&until=${at(created)}`)).toContain(trial.id);
    expect(await listIds(`?since=${at(created + 1)}`)).not.toContain(trial.id);
    expect(await listIds(`?until=${at(created - 1)}`)).not.toContain(trial.id);
  });

  test("an unknown experiment filter gives an empty list", async () => {
    expect(await listIds(`?experiment=${UNKNOWN_ID}`)).toEqual([]);
  });
});

describe("/trial/{id}", () => {
  test("unknown and malformed ids give 404", async () => {
    for (const id of [UNKNOWN_ID, "abc"]) {
      const res = await api("GET", trialPath(id));
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
  });

  test.each(["PUT", "PATCH", "DELETE", "POST"])("%s is 405 with an Allow header", async (method) => {
    const trial = await createTrial();
    const res = await api(method, trialPath(trial.id), method === "DELETE" ? undefined : { status: "Succeeded" });
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("GET");
    expect(res.body).toEqual({ detail: `Method "${method}" not allowed.` });
    expect((await api("GET", trialPath(trial.id))).body.status).toBe("Scheduled");
  });

  test("the trial list allows only GET and POST", async () => {
    const res = await api("DELETE", "/api/v1/trial/");
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("GET, POST");
  });
});

describe("PUT /trial/{id}/stop", () => {
  test("a Scheduled trial is stopped at once: 200 Stopped, completed_at and a result log line", async () => {
    const trial = await createTrial();
    const res = await api("PUT", stopPath(trial.id));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).slice(0, 11)).toEqual(KALLISTI_KEYS);
    expect(res.body.status).toBe("Stopped");
    expect(res.body.completed_at).toMatch(DRF_TIME_RE);
    expect(res.body.status_reason).toMatch(/stopped by admin@eris.test/);
    expect(res.body.trial_record).toEqual({ result: [{ logs: [expect.stringMatching(LOG_LINE_RE)] }] });
    expect((await api("GET", trialPath(trial.id))).body).toEqual(res.body);
  });

  test("stopping again is a 200 and changes nothing", async () => {
    const trial = await createTrial();
    const first = await api("PUT", stopPath(trial.id));
    const again = await api("PUT", `${stopPath(trial.id)}/`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  test("an In Progress trial becomes Stop Initiated", async () => {
    const trial = await createTrial();
    await setStatus(trial.id, "In Progress");
    const res = await api("PUT", stopPath(trial.id));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("Stop Initiated");
    expect(res.body.completed_at).toBeNull();
    const again = await api("PUT", stopPath(trial.id));
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("Stop Initiated");
  });

  test.each(["Succeeded", "Failed", "Aborted", "Invalid", "Skipped"] as const)(
    "a %s trial is 403 with Kallisti's message",
    async (status) => {
      const trial = await createTrial();
      await setStatus(trial.id, status);
      const res = await api("PUT", stopPath(trial.id));
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: "Trial has either not started or already set to stop." });
      expect((await api("GET", trialPath(trial.id))).body.status).toBe(status);
    },
  );

  test("unknown and malformed ids give 404", async () => {
    for (const id of [UNKNOWN_ID, "abc"]) {
      const res = await api("PUT", stopPath(id));
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
  });

  test("only PUT is allowed", async () => {
    const trial = await createTrial();
    for (const method of ["GET", "POST"]) {
      const res = await api(method, stopPath(trial.id));
      expect(res.status).toBe(405);
      expect(res.headers.get("Allow")).toBe("PUT");
    }
  });
});

describe("the trial list from cached JSON", () => {
  test("an ETag per page, 304 on If-None-Match, a new ETag when a trial on the page changes", async () => {
    const t = await api("POST", "/api/v1/trial/", { experiment: experimentId });
    const first = await api("GET", "/api/v1/trial/?limit=5");
    const tag = first.headers.get("ETag") as string;
    expect(tag).toBeTruthy();
    expect((await api("GET", "/api/v1/trial/?limit=5", undefined, { headers: { "If-None-Match": tag } })).status).toBe(
      304,
    );
    await api("PUT", `/api/v1/trial/${t.body.id}/stop`);
    const after = await api("GET", "/api/v1/trial/?limit=5", undefined, { headers: { "If-None-Match": tag } });
    expect(after.status).toBe(200);
    expect(after.body.find((x: { id: string }) => x.id === t.body.id).status).toBe("Stopped");
    // Finished trials are cached: the same answer, byte for byte, and the same ETag.
    const again = await api("GET", "/api/v1/trial/?limit=5");
    expect(again.headers.get("ETag")).toBe(after.headers.get("ETag"));
  });
});

describe("a trial from cached JSON", () => {
  test("its ETag gives 304 while it is unchanged and moves with every change, a running trial's within the same millisecond too", async () => {
    const t = await createTrial();
    const get = (tag?: string) =>
      api("GET", trialPath(t.id), undefined, tag ? { headers: { "If-None-Match": tag } } : {});
    const queued = await get();
    const tag = queued.headers.get("ETag") as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect((await get(tag)).status).toBe(304);

    // The runner writes the running trial twice within one millisecond: updated_at does not move.
    const [row] = await getDb().select().from(trials).where(eq(trials.id, t.id)).limit(1);
    const write = async (values: Partial<typeof trials.$inferInsert>) => {
      await getDb()
        .update(trials)
        .set({ ...values, updatedAt: row?.updatedAt })
        .where(eq(trials.id, t.id));
    };
    await write({ status: "In Progress", records: { steps: [{ step_name: "first", logs: [] }] } });
    const running = await get(tag);
    expect(running.status).toBe(200);
    expect(running.body.status).toBe("In Progress");
    const runningTag = running.headers.get("ETag") as string;
    await write({
      records: {
        steps: [
          { step_name: "first", logs: [] },
          { step_name: "second", logs: [] },
        ],
      },
    });
    const moved = await get(runningTag);
    expect(moved.status).toBe(200);
    expect(moved.body.trial_record.steps).toHaveLength(2);

    // Finished: answered from its version, the same bytes and ETag every time.
    await getDb().update(trials).set({ status: "Succeeded" }).where(eq(trials.id, t.id));
    const done = await get(moved.headers.get("ETag") as string);
    expect([done.status, done.body.status]).toEqual([200, "Succeeded"]);
    const doneTag = done.headers.get("ETag") as string;
    expect((await get(doneTag)).status).toBe(304);
    expect((await get()).headers.get("ETag")).toBe(doneTag);
  });
});

describe("GET /trial/{id}/events", () => {
  /** Reads Server-Sent Events off a response until `until` is seen (or the stream ends). */
  async function events(res: Response, until: string, act?: () => Promise<void>) {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const seen: { event: string; data: any }[] = [];
    let buffer = "";
    let acted = false;
    while (!seen.some((e) => e.event === until)) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      let cut = buffer.indexOf("\n\n");
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) seen.push({ event, data: JSON.parse(data) });
        cut = buffer.indexOf("\n\n");
      }
      if (act && !acted && seen.length) {
        acted = true;
        await act();
      }
    }
    await reader.cancel();
    return seen;
  }

  const open = async (id: string) => {
    const { IDENTITIES } = await import("./identities");
    const route = await import("@/app/api/v1/trial/[id]/events/route");
    return route.GET(
      new Request(`http://eris.test/api/v1/trial/${id}/events`, {
        headers: { authorization: `Bearer ${IDENTITIES.viewer.token}` },
      }),
      { params: Promise.resolve({ id }) },
    );
  };

  test("streams the trial at once, again when it changes, then `end` once it has ended", async () => {
    const created = await api("POST", "/api/v1/trial/", { experiment: experimentId });
    const id = created.body.id;
    const res = await open(id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const seen = await events(res, "end", async () => {
      expect((await api("PUT", stopPath(id))).status).toBe(200); // queued: Stopped at once
    });
    expect(seen.map((e) => `${e.event}:${e.data.status}`)).toEqual(["trial:Scheduled", "trial:Stopped", "end:Stopped"]);
    expect(seen[1].data).toEqual((await api("GET", trialPath(id))).body); // the same document as GET
  });

  test("a finished trial gets one `trial` and `end`; an unknown one a 404 before any stream", async () => {
    const created = await api("POST", "/api/v1/trial/", { experiment: experimentId });
    await api("PUT", stopPath(created.body.id));
    const seen = await events(await open(created.body.id), "end");
    expect(seen.map((e) => e.event)).toEqual(["trial", "end"]);
    const missing = await open(UNKNOWN_ID);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: "Not found." });
  });
});
