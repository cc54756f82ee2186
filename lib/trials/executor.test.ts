import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type Step, trials } from "@/db/tables";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { BUILTIN_CREDENTIALS } from "@/lib/credentials/handlers";
import { BUILTIN_MODULES } from "@/lib/modules/registry";
import { FailedAction, defineAction } from "@/lib/modules/types";
import { executeQueued } from "@/e2e/fixtures/in-process-runner";
import { StopRequested } from "./executor";
import type { TrialRecords } from "./records";
import { createTrialSchema } from "@/lib/trials/schemas";
import { TrialService } from "./service";

const calls: string[] = [];
const modules = {
  ...BUILTIN_MODULES,
  t: {
    description: "test actions",
    actions: {
      ok: defineAction({
        description: "",
        args: z.object({ tag: z.string() }),
        run: async (a) => {
          calls.push(a.tag);
          return { tag: a.tag };
        },
      }),
      boom: defineAction({
        description: "",
        args: z.object({}),
        run: async () => {
          throw new FailedAction("it broke");
        },
      }),
    },
  },
};

async function runExperiment(
  body: { pre_steps?: Step[]; steps: Step[]; post_steps?: Step[]; parameters?: Record<string, unknown> },
  stop = new AbortController().signal,
) {
  const db = getDb();
  const exp = await new ExperimentService(db).create(createExperimentSchema.parse({ name: "x", ...body }), "tester");
  const trial = await new TrialService(db).create(
    createTrialSchema.parse({ experiment: exp.id, parameters: {}, initiated_from: "test" }),
    "tester",
  );
  calls.length = 0;
  const status = await executeQueued(db, { modules, credentials: BUILTIN_CREDENTIALS }, trial.id, { stop });
  const [row] = await db.select().from(trials).where(eq(trials.id, trial.id)).limit(1);
  return { status, row, records: row.records as Required<TrialRecords> };
}

test("a passing trial records every step in Kallisti's shape and ends Succeeded", async () => {
  const { status, row, records } = await runExperiment({
    parameters: { who: "a" },
    steps: [
      { do: "t.ok", where: { tag: "{{ who }}" } },
      { do: "cm.wait", where: { time_in_seconds: 0 } },
    ],
  });
  expect(status).toBe("Succeeded");
  expect(calls).toEqual(["a"]);
  expect(records.steps[0]).toMatchObject({ step_name: "Ok", step_parameters: { tag: "a" }, status: "succeeded" });
  expect(records.steps[0].logs[0]).toMatch(/^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ - INFO\] Starting command execution\.$/);
  expect(records.steps[0].logs[1]).toContain('Result: {"tag":"a"}.');
  expect(records.result[0].logs[0]).toMatch(/INFO\] Trial Completed\.$/);
  expect(row.completedAt).not.toBeNull();
});

test("a failing pre-step aborts the trial and nothing else runs", async () => {
  const { status, records } = await runExperiment({
    pre_steps: [{ do: "t.boom", where: {} }],
    steps: [{ do: "t.ok", where: { tag: "step" } }],
    post_steps: [{ do: "t.ok", where: { tag: "post" } }],
  });
  expect(status).toBe("Aborted");
  expect(calls).toEqual([]);
  expect(records.result[0].logs[0]).toContain(
    "ERROR] Trial Aborted. Type: StepsExecutionError. Error: [in: pre_steps, reason: it broke]",
  );
});

test("a failing step skips the rest, post_steps still run, and the trial is Failed", async () => {
  const { status, records } = await runExperiment({
    steps: [
      { do: "t.boom", where: {} },
      { do: "t.ok", where: { tag: "skipped" } },
    ],
    post_steps: [{ do: "t.ok", where: { tag: "rollback" } }],
  });
  expect(status).toBe("Failed");
  expect(calls).toEqual(["rollback"]);
  expect(records.steps[0].logs).toContainEqual(
    expect.stringContaining("ERROR] Step failed. Type: FailedAction. Error: it broke"),
  );
});

test("a missing parameter makes the trial Invalid before anything runs", async () => {
  const { status, row } = await runExperiment({ steps: [{ do: "t.ok", where: { tag: "{{ nope }}" } }] });
  expect(status).toBe("Invalid");
  expect(row.statusReason).toBe("Trial is invalid because of missing value in experiment parameters: 'nope'.");
  expect(calls).toEqual([]);
});

test("a stop aborts the running step at once, post_steps run, and the trial is Stopped", async () => {
  const stop = new AbortController();
  setTimeout(() => stop.abort(new StopRequested("alice")), 100);
  const started = Date.now();
  const { status, row, records } = await runExperiment(
    {
      steps: [
        { do: "cm.wait", where: { time_in_seconds: 30 } },
        { do: "t.ok", where: { tag: "after" } },
      ],
      post_steps: [{ do: "t.ok", where: { tag: "rollback" } }],
    },
    stop.signal,
  );
  expect(Date.now() - started).toBeLessThan(5000);
  expect(status).toBe("Stopped");
  expect(calls).toEqual(["rollback"]);
  expect(records.steps[0].status).toBe("stopped");
  expect(row.statusReason).toBe("stopped by alice");
  expect(records.result[0].logs[0]).toContain("Trial Stopped. Stopped by alice.");
});

test("expectations pass or fail the step with Kallisti's messages", async () => {
  const passing = await runExperiment({
    steps: [{ do: "t.ok", where: { tag: "x" }, expect: [{ operator: "eq", tag: "x" }] }],
  });
  expect(passing.status).toBe("Succeeded");
  expect(passing.records.steps[0].logs).toContainEqual(
    expect.stringContaining('Succeeded. All expectations passed: [{"operator":"eq","tag":"x"}].'),
  );

  const failing = await runExperiment({
    steps: [{ do: "t.ok", where: { tag: "x" }, expect: [{ operator: "eq", tag: "y" }] }],
  });
  expect(failing.status).toBe("Failed");
  expect(failing.row.statusReason).toBe("[in: steps, reason: Expectation failed(x == y)]");

  const invalid = await runExperiment({
    steps: [{ do: "t.ok", where: { tag: "x" }, expect: [{ operator: "contains", tag: "x" }] }],
  });
  expect(invalid.row.statusReason).toBe("[in: steps, reason: Invalid operator: contains]");
  expect(calls).toEqual([]); // the action never ran
});
