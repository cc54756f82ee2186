/**
 * A chaos step against the fake cluster with Chaos Mesh: the object exists and is injected while the
 * step runs and is gone after it; a selector matching nothing fails after the injection timeout with
 * Chaos Mesh's own words; a stop deletes at once; PAUSE annotates the object and stops the hold.
 */
import { afterEach, beforeEach, expect, test } from "vitest";
import type { FakeK8s } from "@/e2e/fixtures/fake-k8s";
import { PAUSE_ANNOTATION } from "@/e2e/fixtures/fake-chaos-mesh";
import { type Expectation, checkExpectations, parseExpectation } from "../expect";
import { SEED_DELAY, TRIAL, context, eventually, run, startFake } from "./test-helpers";

let fake: FakeK8s;
beforeEach(async () => {
  fake = await startFake();
});
afterEach(() => fake.stop());

const NAME = "networkchaos-1a2b3c4d-step1";
const objects = () => fake.chaosMesh.controller.list("NetworkChaos");
const theObject = () => fake.chaosMesh.controller.get("NetworkChaos", "default", NAME);
/**
 * The controller's history for one object, without the moments a race may add: Chaos Mesh's own
 * duration and Eris's hold end together, so a "time-up" recovery may come just before the delete.
 */
const historyOf = (name = NAME) =>
  fake.chaosMesh.controller.history
    .filter((h) => h.name === name && h.what !== "time-up" && h.what !== "recovered")
    .map((h) => h.what);
const injected = () => theObject()?.status.conditions.find((c) => c.type === "AllInjected")?.status === "True";

test("seed 001's NetworkChaos: created, injected during the step, held for its duration, gone after", async () => {
  const ctx = context();
  const started = Date.now();
  const step = run(fake, "network_chaos", { ...SEED_DELAY, duration: "1s" }, ctx);
  await eventually("the object injected", injected);
  const obj = theObject();
  expect(obj?.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "eris", "eris.io/trial": TRIAL });
  expect(obj?.metadata.annotations).toEqual({ "eris.io/step": "steps[0]" });
  // The spec is the step's, Chaos Mesh's own duration included; nothing of Eris's in it.
  expect(obj?.spec).toEqual({ ...SEED_DELAY, duration: "1s" });
  const result = (await step) as Record<string, unknown>;
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  expect(objects()).toEqual([]);
  expect(result).toMatchObject({
    kind: "NetworkChaos",
    namespace: "default",
    name: NAME,
    injected: true,
    held_seconds: 1,
    paused_seconds: 0,
    recovered: expect.stringMatching(/^(AllRecovered=True|gone)$/),
    status: { conditions: expect.arrayContaining([{ type: "AllInjected", status: "True" }]) },
  });
  expect(result.targets).toEqual([expect.stringMatching(/^default\/web-show-/)]);
  // What an experiment's expect checks (Kallisti's operators over a JSONPath into the result):
  const injectedCondition = parseExpectation({
    operator: "eq",
    "status.conditions[?(@.type=='AllInjected')].status": "True",
  });
  expect(() => checkExpectations(result, [injectedCondition as Expectation])).not.toThrow();
  expect(ctx.lines).toEqual([
    expect.stringMatching(/^Kubernetes API http:\/\/127\.0\.0\.1:\d+ \(bearer token from TOKEN_FILE, plain HTTP\)$/),
    `Created NetworkChaos default/${NAME} (label eris.io/trial=${TRIAL})`,
    expect.stringMatching(
      new RegExp(
        `^NetworkChaos default/${NAME} injected after \\d\\.\\d s: AllInjected=True, 1 target\\(s\\): default/web-show-`,
      ),
    ),
    "Holding the fault for 1s from its creation",
    expect.stringMatching(new RegExp(`^Deleted NetworkChaos default/${NAME}: (AllRecovered=True|gone)$`)),
  ]);
  expect(historyOf()).toEqual(["created", "injected", "deleted", "gone"]);
});

test("a selector that matches no pod fails after the injection timeout, with Chaos Mesh's conditions and events", async () => {
  const ctx = context();
  const where = { ...SEED_DELAY, selector: { labelSelectors: { app: "nothing" } }, injection_timeout_seconds: 0.5 };
  const started = Date.now();
  const error = (await run(fake, "network_chaos", where, ctx).catch((e: Error) => e)) as Error;
  expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  expect(error.name).toBe("FailedAction");
  expect(error.message).toBe(
    `NetworkChaos default/${NAME} was not injected within 0.5 s (injection_timeout_seconds): Selected=False, AllInjected=False, AllRecovered=False, Paused=False; events: Warning Failed: Failed to select targets: no target has been selected`,
  );
  expect(ctx.lines).toContain(
    `Chaos Mesh's conditions for NetworkChaos default/${NAME}: Selected=False, AllInjected=False, AllRecovered=False, Paused=False`,
  );
  expect(ctx.lines).toContain(
    `Chaos Mesh's event for NetworkChaos default/${NAME}: Warning Failed: Failed to select targets: no target has been selected`,
  );
  // The failed object does not stay behind.
  await eventually("the object gone", () => objects().length === 0);
});

test("a stop deletes the object at once, in the middle of the hold", async () => {
  const ctx = context();
  const step = run(fake, "network_chaos", { ...SEED_DELAY, duration: "1h" }, ctx).catch((e: Error) => e);
  await eventually("the object injected", injected);
  const stoppedAt = Date.now();
  ctx.abort.abort(new Error("Trial has been stopped by someone"));
  const error = (await step) as Error;
  expect(error.message).toBe("Trial has been stopped by someone");
  expect(Date.now() - stoppedAt).toBeLessThan(2000);
  expect(objects()).toEqual([]);
  expect(ctx.lines.at(-1)).toMatch(
    new RegExp(`^Stopped: deleted NetworkChaos default/${NAME} at once: (AllRecovered=True|gone)$`),
  );
});

test("PAUSE annotates the object at once and stops the hold's clock; RUN removes the annotation and the hold resumes", async () => {
  const ctx = context();
  const step = run(fake, "network_chaos", { ...SEED_DELAY, duration: "2s" }, ctx);
  await eventually("the object injected", injected);
  const pausedAt = Date.now();
  ctx.pauses.update(true);
  await eventually("annotated", () => theObject()?.metadata.annotations?.[PAUSE_ANNOTATION] === "true", 1000);
  expect(Date.now() - pausedAt).toBeLessThan(1000);
  await eventually("Chaos Mesh paused", () =>
    theObject()?.status.conditions.some((c) => c.type === "Paused" && c.status === "True"),
  );
  await new Promise((r) => setTimeout(r, 400));
  ctx.pauses.update(false);
  await eventually("the annotation removed", () => !theObject()?.metadata.annotations?.[PAUSE_ANNOTATION], 1000);
  const result = (await step) as { paused_seconds: number; held_seconds: number };
  // The hold did not count the pause: the step lasted the 2 s of fault plus the pause.
  expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(2000);
  expect(result.paused_seconds).toBeGreaterThanOrEqual(0.4);
  expect(ctx.lines).toContainEqual(
    expect.stringMatching(/^PAUSE: NetworkChaos default\/.* annotated experiment\.chaos-mesh\.org\/pause=true/),
  );
  expect(ctx.lines).toContainEqual(
    expect.stringMatching(/^RUN: experiment\.chaos-mesh\.org\/pause removed from NetworkChaos/),
  );
  // A short pause keeps the object (a long one under load may replace it: see the next tests).
  expect(historyOf().slice(0, 4)).toEqual(["created", "injected", "paused", "resumed"]);
  expect(objects()).toEqual([]);
});

test("a stop while PAUSE holds ends the step at once and deletes the paused object", async () => {
  const ctx = context();
  const step = run(fake, "network_chaos", { ...SEED_DELAY, duration: "1h" }, ctx).catch((e: Error) => e);
  await eventually("the object injected", injected);
  ctx.pauses.update(true);
  await eventually("annotated", () => theObject()?.metadata.annotations?.[PAUSE_ANNOTATION] === "true");
  ctx.abort.abort(new Error("Trial has been stopped by STOP"));
  expect(((await step) as Error).message).toBe("Trial has been stopped by STOP");
  expect(objects()).toEqual([]);
});

test("a pause longer than Chaos Mesh's own duration: a new object holds the time still owed", async () => {
  const ctx = context();
  const step = run(fake, "network_chaos", { ...SEED_DELAY, duration: "2s" }, ctx);
  await eventually("the object injected", injected);
  const pausedAt = Date.now();
  ctx.pauses.update(true);
  await new Promise((r) => setTimeout(r, 2200)); // Chaos Mesh's 2 s run out meanwhile
  ctx.pauses.update(false);
  const replacement = () => fake.chaosMesh.controller.get("NetworkChaos", "default", `${NAME}-r1`);
  await eventually("the replacement injected", () =>
    replacement()?.status.conditions.some((c) => c.type === "AllInjected" && c.status === "True"),
  );
  expect(replacement()?.spec.duration).toMatch(/^[12]s$/); // what the hold still owed, rounded up
  expect(replacement()?.metadata.labels?.["eris.io/trial"]).toBe(TRIAL);
  await step;
  // The pause (2.2 s) did not count: the step held on for the rest of its 2 s afterwards.
  expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(3500);
  expect(objects()).toEqual([]);
  expect(ctx.lines).toContainEqual(
    expect.stringMatching(new RegExp(`^Created NetworkChaos default/${NAME}-r1 for the remaining [12]s$`)),
  );
});

/** An object put straight into the fake, as if left there by someone. */
function plant(trial: string) {
  fake.chaosMesh.controller.create({
    apiVersion: "chaos-mesh.org/v1alpha1",
    kind: "NetworkChaos",
    metadata: { name: NAME, namespace: "default", labels: { "eris.io/trial": trial } } as never,
    spec: { ...SEED_DELAY, duration: "1h" },
    status: { conditions: [], experiment: {} },
  });
}

test("a leftover of an interrupted run of the same step is deleted first, then the step runs", async () => {
  plant(TRIAL);
  const ctx = context();
  await run(fake, "network_chaos", { ...SEED_DELAY, duration: "1s" }, ctx);
  expect(ctx.lines[1]).toBe(
    `NetworkChaos default/${NAME} is left from an interrupted run of this step: deleting it first`,
  );
  expect(historyOf().filter((w) => w === "created")).toHaveLength(2);
  expect(objects()).toEqual([]);
});

test("someone else's object under the same name is never touched: the step fails with the API server's words", async () => {
  plant("someone-else");
  const error = (await run(fake, "network_chaos", { ...SEED_DELAY, duration: "1s" }, context()).catch(
    (e: Error) => e,
  )) as Error;
  expect(error.message).toBe(
    `NetworkChaos default/${NAME} could not be created: networkchaos.chaos-mesh.org "${NAME}" already exists (409 AlreadyExists)`,
  );
  expect(objects().map((o) => o.metadata.labels?.["eris.io/trial"])).toEqual(["someone-else"]);
});
