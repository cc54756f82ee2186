/**
 * What a Kallisti client sends that DRF accepted: upper-case UUIDs, form bodies for flat fields,
 * integer strings. Each must work here as it did there.
 */
import { describe, expect, test } from "vitest";
import { api, createExperiment } from "./client";

const WAIT = { name: "kallisti client", steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }] };
const upper = (id: string) => id.toUpperCase();

describe("upper-case UUIDs", () => {
  test("work in every path: experiment, schedule, trial, stop, report; ids come back in lower case", async () => {
    const exp = await createExperiment(WAIT);
    const E = upper(exp.id);
    const read = await api("GET", `/api/v1/experiment/${E}/`);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(exp.id);
    expect((await api("PATCH", `/api/v1/experiment/${E}`, { description: "patched" })).body.description).toBe(
      "patched",
    );

    const sched = await api("POST", `/api/v1/experiment/${E}/schedule/`, { recurrence_pattern: "0 3 * * *" });
    expect(sched.status).toBe(201);
    expect(sched.body.experiment_id).toBe(exp.id);
    const S = upper(sched.body.id);
    expect((await api("GET", `/api/v1/experiment/${E}/schedule/`)).body.map((s: { id: string }) => s.id)).toEqual([
      sched.body.id,
    ]);
    expect((await api("GET", `/api/v1/experiment/${E}/schedule/${S}/`)).status).toBe(200);
    expect((await api("PATCH", `/api/v1/experiment/${E}/schedule/${S}`, { paused: true })).body.paused).toBe(true);

    const trial = await api("POST", "/api/v1/trial/", { experiment: E });
    expect(trial.status).toBe(201);
    expect(trial.body.experiment).toBe(exp.id);
    const T = upper(trial.body.id);
    expect((await api("GET", `/api/v1/trial/${T}/`)).body.id).toBe(trial.body.id);
    expect((await api("GET", `/api/v1/report?trial-id=${T}&format=json`)).status).toBe(200);
    expect((await api("PUT", `/api/v1/trial/${T}/stop`)).status).toBe(200);

    expect((await api("DELETE", `/api/v1/experiment/${E}/schedule/${S}/`)).status).toBe(204);
    expect((await api("DELETE", `/api/v1/experiment/${E}/`)).status).toBe(204);
  });

  test("query filters answer the same for ?experiment=<UPPER> as for the lower-case id", async () => {
    const exp = await createExperiment(WAIT);
    const trial = (await api("POST", "/api/v1/trial/", { experiment: exp.id })).body;
    const lower = await api("GET", `/api/v1/trial?experiment=${exp.id}`);
    const up = await api("GET", `/api/v1/trial?experiment=${upper(exp.id)}`);
    expect(lower.body.map((t: { id: string }) => t.id)).toEqual([trial.id]);
    expect(up.body).toEqual(lower.body);
    const report = await api("GET", `/api/v1/report?experiment=${upper(exp.id)}&format=json`);
    expect(JSON.stringify(report.body)).toContain(trial.id);
  });
});

describe("form bodies, for the flat fields DRF accepted them for", () => {
  test("a url-encoded trial and schedule are created, integer strings included", async () => {
    const exp = await createExperiment(WAIT);
    const trial = await api("POST", "/api/v1/trial/", undefined, {
      form: new URLSearchParams({ experiment: exp.id, initiated_from: "script" }),
    });
    expect(trial.status).toBe(201);
    expect(trial.body).toMatchObject({ experiment: exp.id, initiated_from: "script", parameters: {} });

    const sched = await api("POST", `/api/v1/experiment/${exp.id}/schedule/`, undefined, {
      form: new URLSearchParams({ recurrence_pattern: "*/5 * * * *", recurrence_count: "5" }),
    });
    expect(sched.status).toBe(201);
    expect(sched.body).toMatchObject({ recurrence_pattern: "*/5 * * * *", recurrence_count: 5, recurrence_left: 5 });
  });

  test("multipart/form-data works the same; a repeated field's last value wins, as in a QueryDict", async () => {
    const exp = await createExperiment(WAIT);
    const form = new FormData();
    form.append("recurrence_pattern", "0 1 * * *");
    form.append("recurrence_pattern", "0 2 * * *");
    form.append("recurrence_count", "3");
    form.append("paused", "true");
    const sched = await api("POST", `/api/v1/experiment/${exp.id}/schedule/`, undefined, { form });
    expect(sched.status).toBe(201);
    expect(sched.body).toMatchObject({ recurrence_pattern: "0 2 * * *", recurrence_count: 3, paused: true });
  });

  test("a nested field sent as a form value is DRF's field error, not a 500", async () => {
    const exp = await createExperiment(WAIT);
    const res = await api("POST", "/api/v1/trial/", undefined, {
      form: new URLSearchParams({ experiment: exp.id, parameters: "x" }),
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ parameters: ['Expected a dictionary of items but got type "str".'] });
    const experiment = await api("POST", "/api/v1/experiment/", undefined, {
      form: new URLSearchParams({ name: "from a form" }),
    });
    expect(experiment.status).toBe(400);
    expect(experiment.body).toEqual({ steps: ["This field is required."] });
  });
});

describe("integer fields take integer strings, as DRF's IntegerField does", () => {
  test('"5", " 7 " and "2.0" are integers; "5.5" and "five" are not', async () => {
    const exp = await createExperiment(WAIT);
    const post = (recurrence_count: unknown) =>
      api("POST", `/api/v1/experiment/${exp.id}/schedule/`, { recurrence_pattern: "0 4 * * *", recurrence_count });
    expect((await post("5")).body.recurrence_count).toBe(5);
    expect((await post(" 7 ")).body.recurrence_count).toBe(7);
    expect((await post("2.0")).body.recurrence_count).toBe(2);
    for (const bad of ["5.5", "five", ""]) {
      const res = await post(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body, bad).toEqual({ recurrence_count: ["A valid integer is required."] });
    }
    const negative = await api("POST", `/api/v1/experiment/${exp.id}/schedule/`, {
      recurrence_pattern: "0 4 * * *",
      history_limit: "0",
    });
    expect(negative.body).toEqual({ history_limit: ["Ensure this value is greater than or equal to 1."] });
  });

  test("a PATCH with an integer string changes recurrence_count and resets recurrence_left", async () => {
    const exp = await createExperiment(WAIT);
    const s = (await api("POST", `/api/v1/experiment/${exp.id}/schedule/`, { recurrence_pattern: "0 5 * * *" })).body;
    const res = await api("PATCH", `/api/v1/experiment/${exp.id}/schedule/${s.id}`, { recurrence_count: "9" });
    expect(res.body).toMatchObject({ recurrence_count: 9, recurrence_left: 9 });
  });
});
