/**
 * Exactly-once rollback when the runner itself fails: real runner processes killed with SIGKILL,
 * stalled with SIGSTOP, against the test file's SQLite database. A local HTTP server counts every
 * rollback step that reaches it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { type Trial, trials } from "@/db/tables";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { createExperimentSchema, patchExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { createTrialSchema } from "@/lib/trials/schemas";
import { TrialService } from "@/lib/trials/service";

const db = () => getDb();
const hits = new Map<string, number>();
let probe: http.Server;
let base = "";

beforeAll(async () => {
  probe = http.createServer((req, res) => {
    hits.set(req.url ?? "", (hits.get(req.url ?? "") ?? 0) + 1);
    res.end("ok");
  });
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
});
afterAll(() => probe.close());
afterEach(() => killRunners());

const hit = (path: string) => hits.get(path) ?? 0;
const probeStep = (name: string) => ({ do: "cm.http_probe", where: { url: `${base}/{{ run }}/${name}` } });
const wait = (seconds: number) => ({ do: "cm.wait", where: { time_in_seconds: seconds } });
const trial = async (id: string) => (await db().select().from(trials).where(eq(trials.id, id)).limit(1))[0] as Trial;
type Records = Record<"pre_steps" | "steps" | "post_steps", { status: string; logs: string[]; attempts?: number }[]>;
const records = async (id: string) => (await trial(id)).records as unknown as Records;
const ended = (id: string) => async () => {
  const t = await trial(id);
  return !["Scheduled", "In Progress", "Stop Initiated"].includes(t.status) && t;
};

function experiment(body: Record<string, unknown>) {
  return new ExperimentService(db()).create(createExperimentSchema.parse({ name: "recovery", ...body }), "t");
}
async function launch(experimentId: string, run: string) {
  return new TrialService(db()).create(
    createTrialSchema.parse({ experiment: experimentId, parameters: { run }, initiated_from: "test" }),
    "t",
  );
}
/** Starts a runner and waits until it holds the lease. */
async function activeRunner() {
  const r = startRunner();
  await until("the runner holds the lease", () => r.logs().includes("lease acquired"));
  return r;
}

test("a rollback longer than the lease runs once on recovery, however long it takes", async () => {
  const a = await activeRunner();
  const b = startRunner(); // a standby: it takes over while its heartbeat is already beating
  await until("B waiting", () => b.logs().includes("waiting for the lease"));
  const exp = await experiment({ steps: [wait(30)], post_steps: [probeStep("begin"), wait(3.5), probeStep("end")] });
  const t = await launch(exp.id, "long");
  await until("the step running", async () => (await records(t.id)).steps?.length);
  a.proc.kill("SIGKILL");
  await a.exited;
  const done = await until("recovered", ended(t.id), 20_000);
  await new Promise((r) => setTimeout(r, 2000)); // a repeated recovery would show up here
  expect(hit("/long/begin")).toBe(1);
  expect(hit("/long/end")).toBe(1);
  expect(done.status).toBe("Failed");
  expect(done.statusReason).toBe("runner interrupted");
  expect(b.logs().match(/recovering trial/g)).toHaveLength(1);
});

test("an experiment edited while its trial runs: the crash recovery runs the rollback the trial started with", async () => {
  const a = await activeRunner();
  const exp = await experiment({ steps: [wait(30)], post_steps: [probeStep("old")] });
  const t = await launch(exp.id, "edited");
  await until("the step running", async () => (await records(t.id)).steps?.length);
  await new ExperimentService(db()).update(
    exp.id,
    patchExperimentSchema.parse({ pre_steps: [probeStep("new-pre")], post_steps: [probeStep("new")] }),
    "t",
  );
  a.proc.kill("SIGKILL");
  await a.exited;
  startRunner();
  await until("recovered", ended(t.id), 15_000);
  expect(hit("/edited/old")).toBe(1);
  expect(hit("/edited/new")).toBe(0);
  expect(hit("/edited/new-pre")).toBe(0);
  expect((await trial(t.id)).experimentRevision).toBe(1);
});

test("kill -9 during the rollback: the interrupted post_step starts again, finished ones do not", async () => {
  const a = await activeRunner();
  const exp = await experiment({ steps: [wait(0.1)], post_steps: [probeStep("p1"), wait(4), probeStep("p3")] });
  const t = await launch(exp.id, "mid-rollback");
  await until(
    "the second rollback step running",
    async () => (await records(t.id)).post_steps?.[1]?.status === "running",
  );
  a.proc.kill("SIGKILL");
  await a.exited;
  startRunner();
  const done = await until("recovered", ended(t.id), 20_000);
  expect(hit("/mid-rollback/p1")).toBe(1);
  expect(hit("/mid-rollback/p3")).toBe(1);
  const post = (done.records as unknown as Records).post_steps;
  expect(post.map((s) => s.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
  expect(post[0].attempts).toBeUndefined();
  expect(post[1].attempts).toBe(2);
  expect(post[1].logs.join("\n")).toMatch(/Step interrupted: runner .* stopped while running it/);
});

test("a stalled runner (SIGSTOP past its lease) writes nothing after the takeover", async () => {
  const a = await activeRunner();
  const exp = await experiment({ steps: [wait(2)], post_steps: [probeStep("rollback")] });
  const t = await launch(exp.id, "stalled");
  await until("the step running", async () => (await records(t.id)).steps?.length);
  a.proc.kill("SIGSTOP");
  const b = startRunner();
  const recovered = await until("taken over and rolled back", ended(t.id), 15_000);
  expect(hit("/stalled/rollback")).toBe(1);
  a.proc.kill("SIGCONT");
  // A wakes up with its step done and its lease gone: every write it tries must be refused.
  await until("A notices", () => /lease lost|trial lost/.test(a.logs()), 10_000);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await trial(t.id)).toEqual(recovered);
  expect(hit("/stalled/rollback")).toBe(1);
  expect(b.logs()).toContain("trial recovered");
});
