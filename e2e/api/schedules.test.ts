import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { type TrialStatus, schedules, trials } from "@/db/tables";
import { api, createExperiment } from "./client";

/** Seed 000's schedule body, verbatim. */
const SEED_000_SCHEDULE = { parameters: {}, ticket: {}, recurrence_pattern: "*/5 * * * *", recurrence_count: 1 };

const KALLISTI_KEYS = [
  "id",
  "experiment_id",
  "parameters",
  "metadata",
  "ticket",
  "recurrence_pattern",
  "recurrence_count",
  "recurrence_left",
  "created_by",
  "created_at",
  "trials",
];
const EXTENSION_KEYS = [
  "timezone",
  "concurrency_policy",
  "starting_deadline_seconds",
  "history_limit",
  "paused",
  "next_run_at",
];
const DEFAULTS = {
  timezone: "UTC",
  concurrency_policy: "Forbid",
  starting_deadline_seconds: null,
  history_limit: null,
  paused: false,
};
const DRF_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UNKNOWN_ID = "6f1c1b2e-3d4a-4b5c-8d6e-7f8091a2b3c4";

let experimentId: string;
beforeAll(async () => {
  experimentId = (await createExperiment({ metadata: { team: "sre" } })).id;
});

const listPath = (exp = experimentId) => `/api/v1/experiment/${exp}/schedule/`;
const detailPath = (sid: string, exp = experimentId) => `/api/v1/experiment/${exp}/schedule/${sid}/`;

const postSchedule = (body: Record<string, unknown>, exp = experimentId) => api("POST", listPath(exp), body);

async function createSchedule(body: Record<string, unknown> = {}, exp = experimentId) {
  const res = await postSchedule({ ...SEED_000_SCHEDULE, ...body }, exp);
  if (res.status !== 201) throw new Error(`schedule create failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string } & Record<string, unknown>;
}

const patch = (sid: string, body: Record<string, unknown>) => api("PATCH", detailPath(sid), body);

async function updateRow(sid: string, values: Partial<typeof schedules.$inferInsert>) {
  await getDb().update(schedules).set(values).where(eq(schedules.id, sid));
}

/** A trial the scheduler would have created for a schedule, inserted straight in the database. */
async function insertScheduledTrial(
  sid: string,
  t: { status: TrialStatus; scheduledFor: number; executedAt?: number },
) {
  const id = randomUUID();
  await getDb()
    .insert(trials)
    .values({
      id,
      experimentId,
      scheduleId: sid,
      parameters: {},
      metadata: {},
      ticket: {},
      records: {},
      initiatedBy: "unknown",
      status: t.status,
      scheduledFor: t.scheduledFor,
      executedAt: t.executedAt ?? null,
    });
  return id;
}

/** Expects a 400 whose only field is recurrence_pattern, with a message matching every given pattern. */
async function expectPatternError(pattern: string, ...parts: RegExp[]) {
  const res = await postSchedule({ recurrence_pattern: pattern });
  expect(res.status).toBe(400);
  expect(Object.keys(res.body)).toEqual(["recurrence_pattern"]);
  const [message] = res.body.recurrence_pattern;
  expect(message.startsWith(`${pattern} is not a valid cron expression`), message).toBe(true);
  for (const part of parts) expect(message).toMatch(part);
}

describe("POST /experiment/{id}/schedule", () => {
  test("seed 000's body gives 201 with Kallisti's eleven keys in order, then the extensions", async () => {
    const before = Date.now();
    const res = await postSchedule(SEED_000_SCHEDULE);
    expect(res.status).toBe(201);
    const keys = Object.keys(res.body);
    expect(keys.slice(0, 11)).toEqual(KALLISTI_KEYS);
    expect(keys.slice(11, 17)).toEqual(EXTENSION_KEYS);
    expect(res.body).toMatchObject({
      experiment_id: experimentId,
      parameters: {},
      metadata: { team: "sre" },
      ticket: {},
      recurrence_pattern: "*/5 * * * *",
      recurrence_count: 1,
      recurrence_left: 1,
      created_by: "admin@eris.test",
      trials: [],
      ...DEFAULTS,
    });
    expect(res.body.created_at).toMatch(DRF_TIME_RE);
    expect(res.body.next_run_at).toMatch(DRF_TIME_RE);
    const next = new Date(res.body.next_run_at);
    expect(next.getTime()).toBeGreaterThan(before);
    expect(next.getUTCMinutes() % 5).toBe(0);
    expect(next.getUTCSeconds()).toBe(0);
    expect(next.getUTCMilliseconds()).toBe(0);
    expect(next.getTime() - before).toBeLessThanOrEqual(5 * 60_000);
  });

  test("recurrence_count defaults to null (forever)", async () => {
    const s = await createSchedule({ recurrence_count: undefined });
    expect(s).toMatchObject({ recurrence_count: null, recurrence_left: null });
  });

  test("metadata is merged over the experiment's; extension fields are stored", async () => {
    const s = await createSchedule({
      metadata: { run: "nightly" },
      timezone: "Europe/Paris",
      concurrency_policy: "Allow",
      starting_deadline_seconds: 120,
      history_limit: 5,
    });
    expect(s).toMatchObject({
      metadata: { team: "sre", run: "nightly" },
      timezone: "Europe/Paris",
      concurrency_policy: "Allow",
      starting_deadline_seconds: 120,
      history_limit: 5,
    });
    expect((await api("GET", detailPath(s.id))).body).toEqual(s);
  });

  test("experiment_id and other read-only fields in the body are ignored", async () => {
    const other = await createExperiment();
    const s = await createSchedule({ experiment_id: other.id, recurrence_left: 99, created_by: "mallory" });
    expect(s).toMatchObject({ experiment_id: experimentId, recurrence_left: 1, created_by: "admin@eris.test" });
  });

  test("recurrence_pattern is required", async () => {
    const res = await postSchedule({ recurrence_count: 1 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ recurrence_pattern: ["This field is required."] });
  });

  test("a paused schedule has no next run", async () => {
    const s = await createSchedule({ paused: true });
    expect(s).toMatchObject({ paused: true, next_run_at: null });
  });

  test("field types are validated with DRF messages", async () => {
    const res = await postSchedule({
      recurrence_pattern: "* * * * *",
      recurrence_count: "x",
      concurrency_policy: "Sometimes",
      paused: "maybe",
      history_limit: 0,
      parameters: [],
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      recurrence_count: ["A valid integer is required."],
      concurrency_policy: ['"Sometimes" is not a valid choice.'],
      paused: ["Must be a valid boolean."],
      history_limit: ["Ensure this value is greater than or equal to 1."],
      parameters: ['Expected a dictionary of items but got type "list".'],
    });
  });

  test("a choice given as an object is a 400, not a 500", async () => {
    const res = await postSchedule({ recurrence_pattern: "* * * * *", concurrency_policy: { toString: null } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ concurrency_policy: ['"{"toString":null}" is not a valid choice.'] });
  });

  test("a ticket must be empty or {type, number}", async () => {
    const res = await postSchedule({ recurrence_pattern: "* * * * *", ticket: { a: 1 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(["ticket"]);
  });

  test("a bad time zone is a 400 on timezone", async () => {
    const res = await postSchedule({ recurrence_pattern: "* * * * *", timezone: "Mars/Olympus" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      timezone: ['"Mars/Olympus" is not a valid IANA time zone, e.g. "Europe/Paris" or "UTC".'],
    });
  });

  test("an unknown, malformed or deleted experiment gives 404", async () => {
    const deleted = await createExperiment();
    await api("DELETE", `/api/v1/experiment/${deleted.id}/`);
    for (const exp of [UNKNOWN_ID, "abc", deleted.id]) {
      const res = await postSchedule(SEED_000_SCHEDULE, exp);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
  });
});

describe("recurrence patterns", () => {
  test("an out-of-range minute names the field and its range", () =>
    expectPatternError("61 * * * *", /minute is out of range \(allowed 0-59\)/));

  test("a wrong number of fields says how many are expected", () =>
    expectPatternError("* * *", /expected 5 fields/, /got 3 field\(s\)/));

  test("letters name the field at fault", () =>
    expectPatternError("a b c d e", /minute field "a" contains illegal characters/));

  test("a backwards range is explained", () => expectPatternError("5-1 * * * *", /range "5-1" runs backwards/));

  test("day-of-month 32 names day-of-month and its 1-31 range", () =>
    expectPatternError("* * 32 * *", /day-of-month is out of range \(allowed 1-31\)/));

  test("the hour field is named correctly", () =>
    expectPatternError("* 24 * * *", /hour is out of range \(allowed 0-23\)/));

  test("@every below one second is rejected", () =>
    expectPatternError("@every 500ms", /shorter than the minimum of 1s/));

  test("@every needs a Go duration", () => expectPatternError("@every soon", /not a duration/));

  test("a pattern that never fires is rejected", () => expectPatternError("0 0 30 2 *", /never fires/));

  test("@every beyond Go's duration range is a 400, not a 500", async () => {
    await expectPatternError("@every 100000000000h", /longer than the maximum of 2562047h/);
    await expectPatternError(`@every ${"9".repeat(190)}h`, /longer than the maximum of 2562047h/);
    const longest = await postSchedule({ recurrence_pattern: "@every 2562047h" });
    expect(longest.status).toBe(201);
    expect((await api("GET", listPath())).status).toBe(200);
  });

  test("croner's own messages end with a single period", async () => {
    const res = await postSchedule({ recurrence_pattern: "0/70 * * * *" });
    expect(res.status).toBe(400);
    expect(res.body.recurrence_pattern[0]).toMatch(/^0\/70 \* \* \* \* is not a valid cron expression: .*[^.]\.$/);
  });

  test.each([
    ["@every 1h30m10s", 5_410_000],
    ["@every 90s", 90_000],
  ])("%s is accepted and counts from now", async (pattern, intervalMs) => {
    const before = Date.now();
    const s = await createSchedule({ recurrence_pattern: pattern });
    const next = Date.parse(s.next_run_at as string);
    expect(next).toBeGreaterThanOrEqual(before + intervalMs);
    expect(next).toBeLessThanOrEqual(Date.now() + intervalMs);
  });

  test.each(["*/5 * * * * *", "0 0 12 * * * 2099", "@daily", "@hourly", "@weekly", "0 9 * * MON-FRI"])(
    "%s is accepted",
    async (pattern) => {
      const s = await createSchedule({ recurrence_pattern: pattern });
      expect(s.recurrence_pattern).toBe(pattern);
      expect(Date.parse(s.next_run_at as string)).toBeGreaterThan(Date.now() - 1000);
    },
  );

  test("a CRON_TZ= prefix is accepted and sets the schedule's time zone", async () => {
    const s = await createSchedule({ recurrence_pattern: "CRON_TZ=Asia/Tokyo 0 9 * * *" });
    expect(s).toMatchObject({ recurrence_pattern: "CRON_TZ=Asia/Tokyo 0 9 * * *", timezone: "Asia/Tokyo" });
    expect(s.description).toBe("At 09:00 (Asia/Tokyo)");
    const next = new Date(s.next_run_at as string);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 0]); // 09:00 JST
    const legacy = await createSchedule({ recurrence_pattern: "TZ=Europe/Paris @daily", timezone: "Europe/Paris" });
    expect(legacy.timezone).toBe("Europe/Paris");
  });

  test("a CRON_TZ= prefix and a different timezone field are a 400 naming timezone", async () => {
    const res = await postSchedule({ recurrence_pattern: "CRON_TZ=Asia/Tokyo 0 9 * * *", timezone: "Europe/Paris" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      timezone: [
        'The pattern sets the time zone "Asia/Tokyo" (CRON_TZ=Asia/Tokyo): give the same zone here, or leave timezone out.',
      ],
    });
    await expectPatternError(
      "CRON_TZ=Mars/Olympus 5 * * * *",
      /"Mars\/Olympus" \(CRON_TZ=\) is not a valid IANA time zone/,
    );
  });

  test("PATCH to a CRON_TZ= pattern moves the schedule to its zone", async () => {
    const s = await createSchedule({ recurrence_pattern: "0 9 * * *", timezone: "Europe/Paris" });
    const res = await patch(s.id, { recurrence_pattern: "CRON_TZ=Asia/Tokyo 0 9 * * *" });
    expect(res.status).toBe(200);
    expect(res.body.timezone).toBe("Asia/Tokyo");
    expect(new Date(res.body.next_run_at).getUTCHours()).toBe(0);
    const conflict = await patch(s.id, { timezone: "UTC" });
    expect(conflict.status).toBe(400);
    expect(Object.keys(conflict.body)).toEqual(["timezone"]);
  });

  test("@daily fires at midnight in the schedule's zone", async () => {
    const s = await createSchedule({ recurrence_pattern: "@daily", timezone: "Asia/Tokyo" });
    const next = new Date(s.next_run_at as string);
    expect(next.getUTCHours()).toBe(15); // 00:00 JST
    expect(next.getUTCMinutes()).toBe(0);
  });
});

describe("GET /experiment/{id}/schedule", () => {
  test("lists the experiment's schedules newest first", async () => {
    const exp = (await createExperiment()).id;
    const a = await createSchedule({}, exp);
    const b = await createSchedule({}, exp);
    const res = await api("GET", listPath(exp));
    expect(res.status).toBe(200);
    expect(res.body.map((s: { id: string }) => s.id)).toEqual([b.id, a.id]);
    expect(res.headers.get("X-Total-Count")).toBe("2");
  });

  test("an unknown or malformed experiment gives 404", async () => {
    for (const exp of [UNKNOWN_ID, "abc"]) {
      const res = await api("GET", listPath(exp));
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
  });
});

describe("GET /experiment/{id}/schedule/{sid}", () => {
  test("another experiment's schedule id gives 404 for every method", async () => {
    const other = await createExperiment();
    const s = await createSchedule({}, other.id);
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const body = method === "PUT" || method === "PATCH" ? SEED_000_SCHEDULE : undefined;
      const res = await api(method, detailPath(s.id), body);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
    expect((await api("GET", detailPath(s.id, other.id))).status).toBe(200);
  });

  test("unknown and malformed schedule ids give 404", async () => {
    for (const sid of [UNKNOWN_ID, "abc"]) {
      expect((await api("GET", detailPath(sid))).status).toBe(404);
      expect((await api("DELETE", detailPath(sid))).status).toBe(404);
    }
  });

  test("trials lists the scheduler's trials: id, status, executed_at, scheduled_for; never-run first", async () => {
    const s = await createSchedule();
    const ran = await insertScheduledTrial(s.id, {
      status: "Succeeded",
      scheduledFor: Date.UTC(2019, 5, 17, 4, 35),
      executedAt: Date.UTC(2019, 5, 17, 4, 35, 1, 132),
    });
    const queued = await insertScheduledTrial(s.id, {
      status: "Scheduled",
      scheduledFor: Date.UTC(2019, 5, 17, 4, 40),
    });
    await api("POST", "/api/v1/trial/", { experiment: experimentId }); // a manual trial is not the schedule's

    const res = await api("GET", detailPath(s.id));
    expect(res.body.trials).toEqual([
      { id: queued, status: "Scheduled", executed_at: null, scheduled_for: "2019-06-17T04:40:00.000000Z" },
      {
        id: ran,
        status: "Succeeded",
        executed_at: "2019-06-17T04:35:01.132000Z",
        scheduled_for: "2019-06-17T04:35:00.000000Z",
      },
    ]);
    const listed = (await api("GET", listPath())).body.find((x: { id: string }) => x.id === s.id);
    expect(listed.trials.map((t: { id: string }) => t.id)).toEqual([queued, ran]);
  });

  test("a schedule's answers carry an ETag that moves with its trials, even a change within the millisecond of their last write", async () => {
    const s = await createSchedule();
    const queued = await insertScheduledTrial(s.id, { status: "Scheduled", scheduledFor: Date.UTC(2026, 0, 1) });
    const first = await api("GET", detailPath(s.id));
    const tag = first.headers.get("ETag") as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect((await api("GET", detailPath(s.id), undefined, { headers: { "If-None-Match": tag } })).status).toBe(304);
    const list = await api("GET", listPath());
    const listTag = list.headers.get("ETag") as string;
    expect((await api("GET", listPath(), undefined, { headers: { "If-None-Match": listTag } })).status).toBe(304);

    // The runner claims it in the same millisecond as its last write: updated_at does not move.
    const [row] = await getDb().select().from(trials).where(eq(trials.id, queued)).limit(1);
    await getDb()
      .update(trials)
      .set({ status: "In Progress", executedAt: Date.UTC(2026, 0, 1, 0, 0, 1), updatedAt: row?.updatedAt })
      .where(eq(trials.id, queued));
    const claimed = await api("GET", detailPath(s.id), undefined, { headers: { "If-None-Match": tag } });
    expect(claimed.status).toBe(200);
    expect(claimed.body.trials).toEqual([
      {
        id: queued,
        status: "In Progress",
        executed_at: "2026-01-01T00:00:01.000000Z",
        scheduled_for: "2026-01-01T00:00:00.000000Z",
      },
    ]);
    const relisted = await api("GET", listPath(), undefined, { headers: { "If-None-Match": listTag } });
    expect(relisted.status).toBe(200);
    expect(relisted.body.find((x: { id: string }) => x.id === s.id).trials[0].status).toBe("In Progress");

    // A change to the schedule alone moves it too; a write's If-None-Match is no cache check.
    const claimedTag = claimed.headers.get("ETag") as string;
    const paused = await api("PATCH", detailPath(s.id), { paused: true }, { headers: { "If-None-Match": claimedTag } });
    expect(paused.status).toBe(200);
    expect(paused.body.paused).toBe(true);
    const after = await api("GET", detailPath(s.id), undefined, { headers: { "If-None-Match": claimedTag } });
    expect(after.status).toBe(200);
    expect(after.body.paused).toBe(true);
  });
});

describe("PATCH and PUT /experiment/{id}/schedule/{sid}", () => {
  test("PATCH with the same recurrence_count does not reset recurrence_left", async () => {
    const s = await createSchedule({ recurrence_count: 3 });
    await updateRow(s.id, { recurrenceLeft: 0 });
    const res = await patch(s.id, { recurrence_count: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ recurrence_count: 3, recurrence_left: 0 });
  });

  test("PATCH with a new recurrence_count resets recurrence_left", async () => {
    const s = await createSchedule({ recurrence_count: 3 });
    await updateRow(s.id, { recurrenceLeft: 0 });
    const res = await patch(s.id, { recurrence_count: 5 });
    expect(res.body).toMatchObject({ recurrence_count: 5, recurrence_left: 5 });
    expect(res.body.next_run_at).not.toBeNull();
  });

  test("PATCH recurrence_count to null makes the schedule infinite", async () => {
    const s = await createSchedule({ recurrence_count: 2 });
    const res = await patch(s.id, { recurrence_count: null });
    expect(res.body).toMatchObject({ recurrence_count: null, recurrence_left: null });
  });

  test("PATCH keeps omitted fields", async () => {
    const s = await createSchedule({
      parameters: { ns: "a" },
      ticket: { type: "CHG", number: "1" },
      timezone: "Europe/Paris",
      concurrency_policy: "Replace",
      history_limit: 3,
    });
    const res = await patch(s.id, { recurrence_pattern: "0 * * * *" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      recurrence_pattern: "0 * * * *",
      parameters: { ns: "a" },
      ticket: { type: "CHG", number: "1" },
      timezone: "Europe/Paris",
      concurrency_policy: "Replace",
      history_limit: 3,
      recurrence_count: 1,
      recurrence_left: 1,
    });
    expect(new Date(res.body.next_run_at).getUTCMinutes()).toBe(0);
  });

  test("PUT resets Kallisti's omitted fields to their defaults and keeps Eris's extensions", async () => {
    const extensions = {
      timezone: "Europe/Paris",
      concurrency_policy: "Allow",
      starting_deadline_seconds: 60,
      history_limit: 3,
      paused: true,
    };
    const s = await createSchedule({
      parameters: { ns: "a" },
      metadata: { run: "nightly" },
      ticket: { type: "CHG", number: "1" },
      recurrence_count: 4,
      ...extensions,
    });
    // A Kallisti client's PUT: it knows nothing of Eris's fields.
    const res = await api("PUT", detailPath(s.id), { recurrence_pattern: "*/10 * * * *" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: s.id,
      recurrence_pattern: "*/10 * * * *",
      parameters: {},
      metadata: { team: "sre" },
      ticket: {},
      recurrence_count: null,
      recurrence_left: null,
      created_at: s.created_at,
      ...extensions,
    });
    // still paused: it does not start firing again
    expect(res.body.next_run_at).toBeNull();
    // given explicitly, they change
    const resumed = await api("PUT", detailPath(s.id), {
      recurrence_pattern: "*/10 * * * *",
      paused: false,
      timezone: "UTC",
    });
    expect(resumed.body).toMatchObject({
      paused: false,
      timezone: "UTC",
      concurrency_policy: "Allow",
      history_limit: 3,
    });
    expect(resumed.body.next_run_at).toMatch(DRF_TIME_RE);
  });

  test("PUT requires recurrence_pattern", async () => {
    const s = await createSchedule();
    const res = await api("PUT", detailPath(s.id), { recurrence_count: 2 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ recurrence_pattern: ["This field is required."] });
  });

  test("pausing clears next_run_at; resuming re-arms it", async () => {
    const s = await createSchedule({ recurrence_count: null });
    const paused = await patch(s.id, { paused: true });
    expect(paused.body).toMatchObject({ paused: true, next_run_at: null });
    expect((await api("GET", detailPath(s.id))).body.next_run_at).toBeNull();
    const before = Date.now();
    const resumed = await patch(s.id, { paused: false });
    expect(resumed.body.paused).toBe(false);
    expect(Date.parse(resumed.body.next_run_at)).toBeGreaterThan(before);
  });

  test("an invalid pattern or zone in an update is a 400 and changes nothing", async () => {
    const s = await createSchedule();
    expect((await patch(s.id, { recurrence_pattern: "61 * * * *" })).status).toBe(400);
    const tz = await patch(s.id, { timezone: "Nowhere/Else" });
    expect(tz.status).toBe(400);
    expect(Object.keys(tz.body)).toEqual(["timezone"]);
    const got = await api("GET", detailPath(s.id));
    expect(got.body).toMatchObject({ recurrence_pattern: "*/5 * * * *", timezone: "UTC" });
  });

  test("masked secrets sent back keep the stored value", async () => {
    const s = await createSchedule({ parameters: { token: "s3cr3t", ns: "a" } });
    expect(s.parameters).toEqual({ token: "*****", ns: "a" });
    const res = await patch(s.id, { parameters: { token: "*****", ns: "b" } });
    expect(res.body.parameters).toEqual({ token: "*****", ns: "b" });
    const [row] = await getDb().select().from(schedules).where(eq(schedules.id, s.id)).limit(1);
    expect(row.parameters).toEqual({ token: "s3cr3t", ns: "b" });
  });
});

describe("DELETE /experiment/{id}/schedule/{sid}", () => {
  test("soft-deletes: 204, hidden from the list, detail still 200, deleting again 204", async () => {
    const s = await createSchedule();
    const res = await api("DELETE", detailPath(s.id));
    expect(res.status).toBe(204);
    const ids = (await api("GET", listPath())).body.map((x: { id: string }) => x.id);
    expect(ids).not.toContain(s.id);
    const got = await api("GET", detailPath(s.id));
    expect(got.status).toBe(200);
    expect(got.body.next_run_at).toBeNull();
    expect((await api("DELETE", detailPath(s.id))).status).toBe(204);
  });
});

describe("GET /schedule/preview", () => {
  test("weekday mornings in New York: local times at 09:00 with the zone's offset", async () => {
    const res = await api("GET", "/api/v1/schedule/preview?pattern=0 9 * * 1-5&timezone=America/New_York&count=3");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      pattern: "0 9 * * 1-5",
      timezone: "America/New_York",
      description: "At 09:00, Monday through Friday",
    });
    expect(res.body.next_runs).toHaveLength(3);
    for (const run of res.body.next_runs) {
      expect(run.local).toMatch(/T09:00:00-0[45]:00$/);
      expect(run.utc).toMatch(DRF_TIME_RE);
      expect(Date.parse(run.utc)).toBe(Date.parse(run.local));
      const weekday = new Date(run.utc).getUTCDay();
      expect(weekday).toBeGreaterThanOrEqual(1);
      expect(weekday).toBeLessThanOrEqual(5);
    }
  });

  test("defaults to UTC and 10 runs; @every is described", async () => {
    const res = await api("GET", `/api/v1/schedule/preview?pattern=${encodeURIComponent("@every 1h30m")}`);
    expect(res.status).toBe(200);
    expect(res.body.timezone).toBe("UTC");
    expect(res.body.description).toBe("Every 1 hour, 30 minutes");
    expect(res.body.next_runs).toHaveLength(10);
    const [a, b] = res.body.next_runs.map((r: { utc: string }) => Date.parse(r.utc));
    expect(b - a).toBe(5_400_000);
  });

  test("a CRON_TZ= prefix previews in its zone, at minute 5 of every hour", async () => {
    const pattern = encodeURIComponent("CRON_TZ=Asia/Tokyo 5 * * * *");
    const res = await api("GET", `/api/v1/schedule/preview?pattern=${pattern}&count=3`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ timezone: "Asia/Tokyo", description: "At 5 minutes past the hour (Asia/Tokyo)" });
    for (const run of res.body.next_runs) expect(run.local).toMatch(/T\d\d:05:00\+09:00$/);
  });

  test("a bad pattern, zone or count is a 400 naming the parameter", async () => {
    const cases: [string, string][] = [
      ["pattern=61 * * * *", "pattern"],
      ["pattern=* * * * *&timezone=Mars/Olympus", "timezone"],
      ["pattern=* * * * *&count=0", "count"],
      ["pattern=* * * * *&count=abc", "count"],
      ["", "pattern"],
    ];
    for (const [query, field] of cases) {
      const res = await api("GET", `/api/v1/schedule/preview?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body), query).toEqual([field]);
    }
  });
});
