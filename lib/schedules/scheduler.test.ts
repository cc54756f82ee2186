import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { getDb } from "@/db/client";
import { schedules, trials } from "@/db/tables";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { setSignal } from "@/lib/signal/service";
import { TrialLifecycle } from "@/lib/trials/lifecycle";
import { fireDueSchedules } from "./scheduler";
import { patchScheduleSchema, scheduleSchema } from "./schemas";
import { ScheduleService } from "./service";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const db = () => getDb();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  // Each test sees only its own schedules: the scheduler fires every due schedule in the database.
  await db().delete(trials);
  await db().delete(schedules);
  await setSignal(db(), { state: "RUN", reason: "" }, "test");
});
afterEach(() => vi.useRealTimers());

async function schedule(body: Record<string, unknown>, createdAt: string) {
  vi.setSystemTime(at(createdAt));
  const exp = await new ExperimentService(db()).create(createExperimentSchema.parse({ name: "s", steps: [] }), "t");
  return new ScheduleService(db()).create(exp.id, scheduleSchema.parse(body), "t");
}
const fire = (now: string) => {
  vi.setSystemTime(at(now));
  return fireDueSchedules(db(), at(now));
};
const trialsOf = (id: string) =>
  db().select().from(trials).where(eq(trials.scheduleId, id)).orderBy(trials.scheduledFor);
const row = async (id: string) => (await db().select().from(schedules).where(eq(schedules.id, id)).limit(1))[0];

test("a slot fires exactly at its due time, never early, and only once", async () => {
  const s = await schedule({ recurrence_pattern: "*/5 * * * *" }, "2026-03-06T12:00:30Z");
  expect(iso(s.nextRunAt)).toBe("2026-03-06T12:05:00.000Z");
  expect(await fire("2026-03-06T12:04:59.999Z")).toEqual([]);
  const fired = await fire("2026-03-06T12:05:00.000Z");
  expect(fired).toHaveLength(1);
  expect(await fire("2026-03-06T12:05:00.000Z")).toEqual([]); // a second tick (or a restarted runner) adds nothing
  const [t] = await trialsOf(s.id);
  expect(t).toMatchObject({ status: "Scheduled", initiatedBy: "scheduler", scheduledFor: at("2026-03-06T12:05:00Z") });
  expect(iso((await row(s.id)).nextRunAt)).toBe("2026-03-06T12:10:00.000Z");
});

test("the unique slot index refuses a second trial for the same slot", async () => {
  const s = await schedule({ recurrence_pattern: "* * * * *" }, "2026-03-06T12:00:00Z");
  await fire("2026-03-06T12:01:00Z");
  await db()
    .update(schedules)
    .set({ nextRunAt: at("2026-03-06T12:01:00Z") })
    .where(eq(schedules.id, s.id));
  await fire("2026-03-06T12:01:00.500Z");
  expect(await trialsOf(s.id)).toHaveLength(1);
});

test("Forbid records a Skipped trial while the previous one is active; Allow queues it", async () => {
  const forbid = await schedule({ recurrence_pattern: "* * * * *" }, "2026-03-06T12:00:00Z");
  const allow = await schedule(
    { recurrence_pattern: "* * * * *", concurrency_policy: "Allow" },
    "2026-03-06T12:00:00Z",
  );
  await fire("2026-03-06T12:01:00Z");
  await fire("2026-03-06T12:02:00Z");
  const [first, second] = await trialsOf(forbid.id);
  expect(first.status).toBe("Scheduled");
  expect(second.status).toBe("Skipped");
  expect(second.statusReason).toBe(`concurrency policy Forbid: trial ${first.id} is still Scheduled`);
  expect((await trialsOf(allow.id)).map((t) => t.status)).toEqual(["Scheduled", "Scheduled"]);
});

test("Replace stops the active trials and queues the new one", async () => {
  const s = await schedule(
    { recurrence_pattern: "* * * * *", concurrency_policy: "Replace", recurrence_count: 5 },
    "2026-03-06T12:00:00Z",
  );
  await fire("2026-03-06T12:01:00Z");
  await fire("2026-03-06T12:02:00Z");
  let [a, b] = await trialsOf(s.id);
  expect(a.status).toBe("Stopped");
  expect(b.status).toBe("Scheduled");
  await db().update(trials).set({ status: "In Progress" }).where(eq(trials.id, b.id));
  await fire("2026-03-06T12:03:00Z");
  [a, b] = (await trialsOf(s.id)).slice(1);
  expect(a).toMatchObject({ status: "Stop Initiated", stopRequestedBy: "scheduler (concurrency policy Replace)" });
  expect(b.status).toBe("Scheduled");
  expect((await row(s.id)).recurrenceLeft).toBe(2);
});

test("after downtime only the latest missed slot runs; the others are recorded as missed", async () => {
  const s = await schedule({ recurrence_pattern: "* * * * *", concurrency_policy: "Allow" }, "2026-03-06T12:00:10Z");
  await fire("2026-03-06T12:10:30Z"); // down from 12:00:10 to 12:10:30: slots 12:01 … 12:10
  const all = await trialsOf(s.id);
  expect(all).toHaveLength(10);
  expect(all.slice(0, 9).every((t) => t.status === "Skipped" && t.statusReason?.startsWith("missed"))).toBe(true);
  expect(all[9]).toMatchObject({ status: "Scheduled", scheduledFor: at("2026-03-06T12:10:00Z") });
  expect(iso((await row(s.id)).nextRunAt)).toBe("2026-03-06T12:11:00.000Z");
});

test("with a starting deadline a slot too late is skipped, one within it runs", async () => {
  const s = await schedule(
    { recurrence_pattern: "* * * * *", starting_deadline_seconds: 20, concurrency_policy: "Allow" },
    "2026-03-06T12:00:10Z",
  );
  await fire("2026-03-06T12:01:45Z");
  expect((await trialsOf(s.id))[0]).toMatchObject({
    status: "Skipped",
    statusReason: "missed: more than starting_deadline_seconds (20) late",
  });
  await fire("2026-03-06T12:02:05Z");
  expect((await trialsOf(s.id))[1]).toMatchObject({ status: "Scheduled", scheduledFor: at("2026-03-06T12:02:00Z") });
});

test("a paused schedule fires nothing; resuming counts from now", async () => {
  const s = await schedule({ recurrence_pattern: "@every 10s", paused: true }, "2026-03-06T12:00:00Z");
  expect(s.nextRunAt).toBeNull();
  expect(await fire("2026-03-06T12:05:00Z")).toEqual([]);
  vi.setSystemTime(at("2026-03-06T12:05:03Z"));
  const resumed = await new ScheduleService(db()).update(
    s.experimentId,
    s.id,
    patchScheduleSchema.parse({ paused: false }),
    "t",
  );
  expect(iso(resumed.nextRunAt)).toBe("2026-03-06T12:05:13.000Z");
});

test("@every counts from the previous due time, whatever the firing lag", async () => {
  const s = await schedule({ recurrence_pattern: "@every 10s", concurrency_policy: "Allow" }, "2026-03-06T12:00:00Z");
  await fire("2026-03-06T12:00:10.350Z");
  await fire("2026-03-06T12:00:20.010Z");
  expect((await trialsOf(s.id)).map((t) => iso(t.scheduledFor))).toEqual([
    "2026-03-06T12:00:10.000Z",
    "2026-03-06T12:00:20.000Z",
  ]);
  expect(iso((await row(s.id)).nextRunAt)).toBe("2026-03-06T12:00:30.000Z");
});

test("recurrence_count runs down to a stop, and a new count re-arms the schedule", async () => {
  const s = await schedule(
    { recurrence_pattern: "* * * * *", recurrence_count: 2, concurrency_policy: "Allow" },
    "2026-03-06T12:00:00Z",
  );
  await fire("2026-03-06T12:01:00Z");
  await fire("2026-03-06T12:02:00Z");
  expect(await row(s.id)).toMatchObject({ recurrenceLeft: 0, nextRunAt: null });
  expect(await fire("2026-03-06T12:03:00Z")).toEqual([]);
  const rearmed = await new ScheduleService(db()).update(
    s.experimentId,
    s.id,
    patchScheduleSchema.parse({ recurrence_count: 3 }),
    "t",
  );
  expect(rearmed.recurrenceLeft).toBe(3);
  expect(iso(rearmed.nextRunAt)).toBe("2026-03-06T12:04:00.000Z");
});

test("time zones and DST: a 02:30 New York job runs at 03:00 local on the spring-forward day", async () => {
  const s = await schedule({ recurrence_pattern: "30 2 * * *", timezone: "America/New_York" }, "2026-03-07T12:00:00Z");
  expect(iso(s.nextRunAt)).toBe("2026-03-08T07:00:00.000Z");
  await fire("2026-03-08T07:00:00Z");
  expect(iso((await row(s.id)).nextRunAt)).toBe("2026-03-09T06:30:00.000Z");
});

test("while the signal is STOP a firing is recorded as Skipped", async () => {
  const s = await schedule({ recurrence_pattern: "* * * * *" }, "2026-03-06T12:00:00Z");
  await setSignal(db(), { state: "STOP", reason: "incident" }, "oncall");
  await fire("2026-03-06T12:01:00Z");
  expect((await trialsOf(s.id))[0]).toMatchObject({
    status: "Skipped",
    statusReason: "signal STOP: global STOP by oncall: incident",
  });
});

test("history_limit keeps the newest trials and never deletes active ones", async () => {
  const s = await schedule({ recurrence_pattern: "* * * * *", concurrency_policy: "Allow" }, "2026-03-06T12:00:00Z");
  for (let m = 1; m <= 5; m++) await fire(`2026-03-06T12:0${m}:00Z`);
  const ids = (await trialsOf(s.id)).map((t) => t.id);
  await db().update(trials).set({ status: "Succeeded" }).where(eq(trials.scheduleId, s.id));
  await db().update(trials).set({ status: "In Progress" }).where(eq(trials.id, ids[0]));
  expect(await new TrialLifecycle(db()).pruneHistory(s.id, 2)).toBe(2);
  expect((await trialsOf(s.id)).map((t) => t.id)).toEqual([ids[0], ids[3], ids[4]]);
  expect(
    await db()
      .select()
      .from(trials)
      .where(and(eq(trials.scheduleId, s.id), eq(trials.status, "In Progress"))),
  ).toHaveLength(1);
});
