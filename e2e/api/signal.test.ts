import { expect, test } from "vitest";
import { api, createExperiment } from "./client";

test("the signal starts as RUN and records who set it, when and why", async () => {
  const initial = await api("GET", "/api/v1/signal");
  expect(initial.status).toBe(200);
  expect(initial.body).toEqual({ state: "RUN", reason: "", set_by: "default", set_at: null });

  const paused = await api("POST", "/api/v1/signal/", { state: "PAUSE", reason: "release freeze" });
  expect(paused.status).toBe(200);
  expect(paused.body).toMatchObject({ state: "PAUSE", reason: "release freeze", set_by: "admin@eris.test" });
  expect(Date.parse(paused.body.set_at)).toBeGreaterThan(Date.now() - 5000);
  expect((await api("GET", "/api/v1/signal/")).body.state).toBe("PAUSE");
  await api("POST", "/api/v1/signal", { state: "RUN" });
});

test("STOP stops queued trials without running them, and new trials are recorded as Skipped", async () => {
  const exp = await createExperiment();
  const queued = (await api("POST", "/api/v1/trial/", { experiment: exp.id })).body;
  await api("POST", "/api/v1/signal/", { state: "STOP", reason: "incident 42" });

  const stopped = (await api("GET", `/api/v1/trial/${queued.id}/`)).body;
  expect(stopped).toMatchObject({ status: "Stopped", status_reason: "global STOP by admin@eris.test: incident 42" });
  expect(stopped.completed_at).not.toBeNull();

  const created = await api("POST", "/api/v1/trial/", { experiment: exp.id });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    status: "Skipped",
    status_reason: "signal STOP: global STOP by admin@eris.test: incident 42",
  });

  await api("POST", "/api/v1/signal/", { state: "RUN" });
  expect((await api("POST", "/api/v1/trial/", { experiment: exp.id })).body.status).toBe("Scheduled");
});

test("bad signal input is a 400 naming the field", async () => {
  expect((await api("POST", "/api/v1/signal/", { state: "HALT" })).body).toEqual({
    state: ['"HALT" is not a valid choice.'],
  });
  expect((await api("POST", "/api/v1/signal/", {})).body).toEqual({ state: ["This field is required."] });
  expect((await api("POST", "/api/v1/signal/", { state: "STOP", reason: "x".repeat(501) })).body).toEqual({
    reason: ["Ensure this field has no more than 500 characters."],
  });
  expect((await api("DELETE", "/api/v1/signal/")).status).toBe(405);
});
