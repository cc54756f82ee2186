/**
 * History pruning at scale: a schedule with a history limit above SQLite's bound-variable limit and a
 * history of 100,000 trials is pruned correctly in small batches, rewrites no trial and keeps firing;
 * a real runner pruning 160,000 trials never makes a concurrent API write wait long enough to fail.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { afterEach, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { type NewTrial, schedules, trials } from "@/db/tables";
import { api } from "@/e2e/api/client";
import { onPostgres } from "@/e2e/fixtures/database";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { newId } from "@/lib/ids";
import { fireDueSchedules } from "@/lib/schedules/scheduler";
import { scheduleSchema } from "@/lib/schedules/schemas";
import { ScheduleService } from "@/lib/schedules/service";
import { fullScans, queryPlans } from "@/e2e/fixtures/query-plans";
import { TrialLifecycle } from "@/lib/trials/lifecycle";
import { TrialRepo } from "@/lib/trials/repo";

const db = () => getDb();
afterEach(() => killRunners());

/** A schedule with `history` finished trials, one per minute slot, oldest first; returns it. */
async function scheduleWithHistory(history: number, historyLimit: number) {
  const exp = await new ExperimentService(db()).create(
    createExperimentSchema.parse({ name: "history", steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] }),
    "t",
  );
  const s = await new ScheduleService(db()).create(
    exp.id,
    scheduleSchema.parse({ recurrence_pattern: "* * * * *", history_limit: historyLimit, concurrency_policy: "Allow" }),
    "t",
  );
  const start = Date.now() - (history + 10) * 60_000;
  for (let from = 0; from < history; from += 1000) {
    const rows: NewTrial[] = [];
    for (let i = from; i < Math.min(history, from + 1000); i++) {
      const at = start + i * 60_000;
      rows.push({
        id: newId(),
        experimentId: exp.id,
        scheduleId: s.id,
        status: i % 3 ? "Succeeded" : "Failed",
        parameters: {},
        metadata: {},
        ticket: {},
        records: {},
        initiatedBy: "scheduler",
        scheduledFor: at,
        createdAt: at,
        updatedAt: at,
        completedAt: at,
      });
    }
    await db().insert(trials).values(rows);
  }
  return s;
}
const ofSchedule = async (id: string) =>
  (await db().select({ n: count() }).from(trials).where(eq(trials.scheduleId, id)))[0]?.n ?? 0;

test("history_limit 40,000 over 100,000 trials: the oldest 60,000 go, nothing else changes, the schedule keeps firing", async () => {
  const s = await scheduleWithHistory(100_000, 40_000);
  const [oldest] = await db()
    .select()
    .from(trials)
    .where(eq(trials.scheduleId, s.id))
    .orderBy(trials.scheduledFor)
    .limit(1);
  // The oldest trial is still running: pruning never touches an active trial.
  await db().update(trials).set({ status: "In Progress" }).where(eq(trials.id, oldest!.id));
  const before = new Map(
    (await db().select({ id: trials.id, status: trials.status }).from(trials).where(eq(trials.scheduleId, s.id))).map(
      (t) => [t.id, t.status],
    ),
  );

  const deleted = await new TrialLifecycle(db()).pruneHistory(s.id, 40_000);
  expect(deleted).toBe(59_999);
  expect(await ofSchedule(s.id)).toBe(40_001);
  const after = await db()
    .select({ id: trials.id, status: trials.status })
    .from(trials)
    .where(eq(trials.scheduleId, s.id));
  for (const t of after) expect(t.status).toBe(before.get(t.id)); // no trial rewritten
  expect(after.find((t) => t.id === oldest!.id)?.status).toBe("In Progress");

  await db()
    .update(schedules)
    .set({ nextRunAt: Date.now() - 1000 })
    .where(eq(schedules.id, s.id));
  const fired = await fireDueSchedules(db(), Date.now());
  expect(fired.filter((f) => f.scheduleId === s.id).map((f) => f.status)).toContain("Scheduled");
});

test("a runner pruning 160,000 trials never makes a concurrent API write fail, even with a 250 ms lock wait", async () => {
  const s = await scheduleWithHistory(200_000, 40_000);
  await db()
    .update(schedules)
    .set({ nextRunAt: Date.now() - 1000 })
    .where(eq(schedules.id, s.id));
  const experiment = (await db().select().from(schedules).where(eq(schedules.id, s.id)).limit(1))[0]!.experimentId;
  // On SQLite, a writer waits this long for the other process's write lock before failing.
  if (!onPostgres) db().$client.pragma("busy_timeout = 250");
  try {
    const r = startRunner();
    await until("the runner firing", () => r.logs().includes("schedule fired"), 20_000);
    const statuses: number[] = [];
    while (!r.logs().includes("history pruned")) {
      statuses.push((await api("POST", "/api/v1/trial/", { experiment })).status);
      if (statuses.length > 5000) break;
    }
    for (let i = 0; i < 20; i++) statuses.push((await api("POST", "/api/v1/trial/", { experiment })).status);
    expect(statuses.filter((x) => x !== 201)).toEqual([]);
    await until("pruned", async () => (await ofSchedule(s.id)) <= 40_001, 30_000);
    const [left] = await db()
      .select({ n: count() })
      .from(trials)
      .where(and(eq(trials.scheduleId, s.id), inArray(trials.status, ["Succeeded", "Failed"])));
    expect(left?.n).toBeLessThanOrEqual(40_000);
  } finally {
    if (!onPostgres) db().$client.pragma("busy_timeout = 5000");
  }
}, 120_000);

test.skipIf(onPostgres)(
  "the concurrency check at a firing is an index lookup on the schedule's active trials, not its history",
  async () => {
    const s = await scheduleWithHistory(10, 5);
    const plans = await queryPlans(db(), () => new TrialRepo(db()).activeOfSchedule(s.id));
    expect(plans).toHaveLength(1);
    expect(plans[0].steps.join("\n")).toContain(
      "USING COVERING INDEX trials_schedule_active_idx (schedule_id=? AND status=?)",
    );
    const pruning = await queryPlans(db(), () => new TrialLifecycle(db()).pruneHistory(s.id, 5));
    expect(fullScans(pruning, "trials")).toEqual([]);
  },
);
