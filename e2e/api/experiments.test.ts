import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { experiments } from "@/db/tables";
import { SEED_003_EXPERIMENT, api, createExperiment } from "./client";

const KALLISTI_KEYS = [
  "id",
  "name",
  "description",
  "metadata",
  "parameters",
  "pre_steps",
  "steps",
  "post_steps",
  "created_by",
];
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DRF_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const WAIT_STEP = { do: "cm.wait", where: { time_in_seconds: 1 } };

const detail = (id: string) => `/api/v1/experiment/${id}/`;

const post = (body: unknown) => api("POST", "/api/v1/experiment/", body);

/** Asserts a 400 whose body is exactly the given DRF field errors. */
async function expectInvalid(res: Promise<{ status: number; body: unknown }>, errors: unknown) {
  const r = await res;
  expect(r.status).toBe(400);
  expect(r.body).toEqual(errors);
}

/** POSTs a minimal valid experiment with one field replaced and expects the given errors. */
const expectCreateInvalid = (field: string, value: unknown, errors: unknown) =>
  expectInvalid(post({ name: "x", steps: [WAIT_STEP], [field]: value }), errors);

const listIds = async (path = "/api/v1/experiment/") =>
  ((await api("GET", path)).body as { id: string }[]).map((e) => e.id);

const storedRow = async (id: string) => (await getDb().select().from(experiments).where(eq(experiments.id, id)))[0];

describe("POST /experiment", () => {
  test("seed 003 gives 201 with Kallisti's keys in order, then created_at, updated_at and revision", async () => {
    const res = await post(SEED_003_EXPERIMENT);
    expect(res.status).toBe(201);
    // `warnings` (credentials the administrator has not allowed) follows: see credential-warnings.test.ts
    expect(Object.keys(res.body)).toEqual([
      ...KALLISTI_KEYS,
      "created_at",
      "updated_at",
      "revision",
      "guards",
      "warnings",
    ]);
    expect(res.body.revision).toBe(1);
    expect(res.body.id).toMatch(UUID_RE);
    expect(res.body).toMatchObject({
      name: SEED_003_EXPERIMENT.name,
      description: SEED_003_EXPERIMENT.description,
      steps: SEED_003_EXPERIMENT.steps,
      created_by: "admin@eris.test",
    });
    expect(res.body.created_at).toMatch(DRF_TIME_RE);
    expect(res.body.updated_at).toMatch(DRF_TIME_RE);
  });

  test("optional fields default to empty values", async () => {
    const res = await post({ name: "defaults", steps: [] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      description: "",
      metadata: {},
      parameters: {},
      pre_steps: [],
      steps: [],
      post_steps: [],
      created_by: "admin@eris.test",
    });
  });

  test("all fields are stored and read back", async () => {
    const body = {
      name: "full",
      description: "d",
      metadata: { team: "sre", tags: ["a"] },
      parameters: { ns: "default" },
      pre_steps: [{ step: "pre", do: "cm.wait", where: { time_in_seconds: 1 } }],
      steps: [WAIT_STEP],
      post_steps: [{ do: "cm.http_probe", where: { url: "https://x.test" } }],
    };
    const created = await post(body);
    expect(created.status).toBe(201);
    const got = await api("GET", detail(created.body.id));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject(body);
  });

  test("a step's expect is stored and returned by POST and GET", async () => {
    const step = {
      step: "probe",
      do: "cm.http_probe",
      where: { url: "https://x.test" },
      expect: [{ status_code: 200, operator: "eq" }],
    };
    const created = await post({ name: "expect", steps: [step] });
    expect(created.body.steps).toEqual([step]);
    expect((await api("GET", detail(created.body.id))).body.steps).toEqual([step]);
  });

  test("unknown and read-only fields are ignored, also inside steps", async () => {
    const res = await post({
      id: "00000000-0000-0000-0000-000000000000",
      created_by: "mallory",
      color: "red",
      name: "ignore",
      steps: [{ do: "cm.wait", where: { time_in_seconds: 1 }, colour: "blue" }],
    });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe("00000000-0000-0000-0000-000000000000");
    expect(res.body.created_by).toBe("admin@eris.test");
    expect(res.body).not.toHaveProperty("color");
    expect(res.body.steps).toEqual([WAIT_STEP]);
    expect((await api("GET", detail(res.body.id))).body.steps).toEqual([WAIT_STEP]);
  });

  test("an empty step description is dropped", async () => {
    const res = await post({ name: "blank step", steps: [{ step: "", ...WAIT_STEP }] });
    expect(res.body.steps).toEqual([WAIT_STEP]);
  });

  test("where: {} is allowed", async () => {
    const res = await post({ name: "empty where", steps: [{ do: "k8s.get_nodes", where: {} }] });
    expect(res.status).toBe(201);
    expect(res.body.steps).toEqual([{ do: "k8s.get_nodes", where: {} }]);
  });

  test("missing name and steps are required", () =>
    expectInvalid(post({}), { name: ["This field is required."], steps: ["This field is required."] }));

  test("blank name is rejected, also when only whitespace", async () => {
    await expectCreateInvalid("name", "", { name: ["This field may not be blank."] });
    await expectCreateInvalid("name", "   ", { name: ["This field may not be blank."] });
  });

  test.each(["name", "description", "metadata", "parameters", "pre_steps", "steps", "post_steps"])(
    "null %s may not be null",
    (field) => expectCreateInvalid(field, null, { [field]: ["This field may not be null."] }),
  );

  test("name is at most 150 characters", async () => {
    expect((await post({ name: "n".repeat(150), steps: [] })).status).toBe(201);
    await expectCreateInvalid("name", "n".repeat(151), {
      name: ["Ensure this field has no more than 150 characters."],
    });
  });

  test("steps must be a list", () =>
    expectCreateInvalid("steps", "abc", { steps: ['Expected a list of items but got type "str".'] }));

  test("a step must be a dictionary", () =>
    expectCreateInvalid("steps", [1], { steps: { "0": ['Expected a dictionary of items but got type "int".'] } }));

  test("metadata and parameters must be dictionaries", async () => {
    await expectCreateInvalid("metadata", [], { metadata: ['Expected a dictionary of items but got type "list".'] });
    await expectCreateInvalid("parameters", "p", {
      parameters: ['Expected a dictionary of items but got type "str".'],
    });
  });

  test("do must be <module>.<action>", () =>
    expectCreateInvalid("steps", [WAIT_STEP, { do: "wait", where: { a: 1 } }], {
      steps: { "1": { do: ['Must be "<module>.<action>", e.g. "cm.http_probe".'] } },
    }));

  test("a dotted action names its module; an unknown module is a 400 on `do`", async () => {
    const res = await post({ name: "gcp", steps: [{ do: "gcp.compute.stop_instance", where: { id: "i-1" } }] });
    expect(res.status).toBe(400);
    expect(res.body.steps["0"].do[0]).toMatch(/^Unknown module "gcp" \(known: .*cm.*k8s.*\)$/);
  });

  test("do and where are required in a step", () =>
    expectCreateInvalid("pre_steps", [{}], {
      pre_steps: { "0": { do: ["This field is required."], where: ["This field is required."] } },
    }));

  test("where must be an object", async () => {
    await expectCreateInvalid("steps", [{ do: "cm.wait", where: "x" }], {
      steps: { "0": { where: ['Expected a dictionary of items but got type "str".'] } },
    });
    await expectCreateInvalid("post_steps", [{ do: "cm.wait", where: ["a"] }], {
      post_steps: { "0": { where: ['Expected a dictionary of items but got type "list".'] } },
    });
  });

  test("errors on several fields are reported together", () =>
    expectInvalid(post({ name: "", steps: "x", metadata: null }), {
      name: ["This field may not be blank."],
      steps: ['Expected a list of items but got type "str".'],
      metadata: ["This field may not be null."],
    }));

  test("an invalid body creates nothing", async () => {
    const before = (await api("GET", "/api/v1/experiment/")).headers.get("X-Total-Count");
    await post({ name: "", steps: [] });
    expect((await api("GET", "/api/v1/experiment/")).headers.get("X-Total-Count")).toBe(before);
  });
});

describe("GET /experiment/{id}", () => {
  test("returns the experiment, with or without the trailing slash", async () => {
    const { warnings: _saveTimeOnly, ...created } = await createExperiment();
    for (const path of [detail(created.id), `/api/v1/experiment/${created.id}`]) {
      const res = await api("GET", path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
    }
  });

  test.each(["PUT", "PATCH", "DELETE", "GET"])("%s of an unknown or malformed id gives 404", async (method) => {
    const body = method === "PUT" || method === "PATCH" ? { name: "x", steps: [] } : undefined;
    for (const id of ["6f1c1b2e-3d4a-4b5c-8d6e-7f8091a2b3c4", "abc", "1"]) {
      const res = await api(method, detail(id), body);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
  });

  test("the list route does not accept PUT", async () => {
    const res = await api("PUT", "/api/v1/experiment/", { name: "x", steps: [] });
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("GET, POST");
  });
});

describe("PUT /experiment/{id}", () => {
  test("name and steps are required", async () => {
    const { id } = await createExperiment();
    await expectInvalid(api("PUT", detail(id), { description: "only" }), {
      name: ["This field is required."],
      steps: ["This field is required."],
    });
  });

  test("replaces the given fields; omitted optional fields keep their stored values", async () => {
    const created = await createExperiment({
      metadata: { team: "sre" },
      parameters: { ns: "a" },
      pre_steps: [WAIT_STEP],
    });
    const res = await api("PUT", detail(created.id), { name: "renamed", steps: [WAIT_STEP] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.id,
      name: "renamed",
      steps: [WAIT_STEP],
      description: created.description,
      metadata: { team: "sre" },
      parameters: { ns: "a" },
      pre_steps: [WAIT_STEP],
      post_steps: [],
      created_at: created.created_at,
    });
    const { warnings: _saveTimeOnly, ...saved } = res.body;
    expect((await api("GET", detail(created.id))).body).toEqual(saved);
  });

  test("validation errors use the same messages as POST", async () => {
    const { id } = await createExperiment();
    await expectInvalid(api("PUT", detail(id), { name: null, steps: [2] }), {
      name: ["This field may not be null."],
      steps: { "0": ['Expected a dictionary of items but got type "int".'] },
    });
  });
});

describe("PATCH /experiment/{id}", () => {
  test("updates only the given fields", async () => {
    const created = await createExperiment({ metadata: { team: "sre" } });
    const res = await api("PATCH", detail(created.id), { description: "patched" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...created, description: "patched", updated_at: res.body.updated_at, revision: 2 });
  });

  test("an empty body changes nothing", async () => {
    const created = await createExperiment();
    const res = await api("PATCH", detail(created.id), {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: created.name, steps: created.steps });
  });

  test("fields are validated", async () => {
    const { id } = await createExperiment();
    await expectInvalid(api("PATCH", detail(id), { name: "" }), { name: ["This field may not be blank."] });
    await expectInvalid(api("PATCH", detail(id), { steps: [{ do: "x.y" }] }), {
      steps: { "0": { where: ["This field is required."] } },
    });
  });
});

describe("answers from cached JSON", () => {
  test("list and detail carry a strong ETag; If-None-Match gives 304; any change gives a new ETag and body", async () => {
    const { id } = await createExperiment({ name: "etag me" });
    const detailRes = await api("GET", detail(id));
    const tag = detailRes.headers.get("ETag") as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await api("GET", detail(id), undefined, { headers: { "If-None-Match": tag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    const list = await api("GET", "/api/v1/experiment/");
    const listTag = list.headers.get("ETag") as string;
    expect((await api("GET", "/api/v1/experiment/", undefined, { headers: { "If-None-Match": listTag } })).status).toBe(
      304,
    );

    await api("PATCH", detail(id), { name: "etag me, renamed" });
    const changed = await api("GET", detail(id), undefined, { headers: { "If-None-Match": tag } });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe("etag me, renamed");
    expect(changed.headers.get("ETag")).not.toBe(tag);
    const newList = await api("GET", "/api/v1/experiment/", undefined, { headers: { "If-None-Match": listTag } });
    expect(newList.status).toBe(200);
    expect(newList.body.find((e: { id: string }) => e.id === id).name).toBe("etag me, renamed");
    // Secrets are masked in the cached copy as everywhere.
    const secret = await createExperiment({ parameters: { password: "cached-secret-123" } });
    expect(JSON.stringify((await api("GET", detail(secret.id))).body)).not.toContain("cached-secret-123");
    expect(JSON.stringify((await api("GET", "/api/v1/experiment/")).body)).not.toContain("cached-secret-123");
  });
});

describe("GET /experiment/{id}/revisions", () => {
  test("every change is a revision, newest first, with who and when; a write that changes nothing is not", async () => {
    const created = await createExperiment({ parameters: { password: "hunter2-secret" } });
    const put = { ...SEED_003_EXPERIMENT, parameters: { password: "hunter2-secret" } };
    expect((await api("PUT", detail(created.id), put)).body.revision).toBe(1); // identical: no new revision
    await api("PATCH", detail(created.id), { description: "second" }, { as: "operator" });
    const third = await api("PATCH", detail(created.id), { steps: [WAIT_STEP] });
    expect(third.body.revision).toBe(3);

    const res = await api("GET", `${detail(created.id)}revisions`, undefined, { as: "viewer" });
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Total-Count")).toBe("3");
    expect(res.body.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
    expect(res.body[0]).toMatchObject({ steps: [WAIT_STEP], description: "second", created_by: "admin@eris.test" });
    expect(res.body[1]).toMatchObject({ description: "second", created_by: "operator@eris.test" });
    expect(res.body[2]).toMatchObject({ steps: SEED_003_EXPERIMENT.steps, parameters: { password: "*****" } });
    expect(JSON.stringify(res.body)).not.toContain("hunter2-secret");
    expect(res.body[2].created_at).toMatch(DRF_TIME_RE);
  });

  test("pages like every list, and answers 404 for an unknown experiment", async () => {
    const { id } = await createExperiment();
    await api("PATCH", detail(id), { name: "renamed" });
    const page = await api("GET", `${detail(id)}revisions?limit=1&offset=1`);
    expect(page.body.map((r: { revision: number }) => r.revision)).toEqual([1]);
    expect(page.headers.get("Link")).toContain('rel="first"');
    expect((await api("GET", `${detail("00000000-0000-4000-8000-000000000000")}revisions`)).status).toBe(404);
  });

  test("one revision by number; unknown numbers and experiments are 404", async () => {
    const { id } = await createExperiment();
    await api("PATCH", detail(id), { description: "v2" });
    const first = await api("GET", `${detail(id)}revisions/1/`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: 1, description: SEED_003_EXPERIMENT.description });
    expect((await api("GET", `${detail(id)}revisions/2`)).body.description).toBe("v2");
    for (const bad of ["3", "0", "x", "1.5"])
      expect((await api("GET", `${detail(id)}revisions/${bad}`)).status).toBe(404);
  });

  test("a trial says which revision it runs", async () => {
    const { id } = await createExperiment();
    await api("PATCH", detail(id), { description: "v2" });
    const trial = await api("POST", "/api/v1/trial/", { experiment: id });
    expect(trial.body.experiment_revision).toBe(2);
  });
});

describe("DELETE /experiment/{id}", () => {
  test("soft-deletes: 204, hidden from the list, detail still 200, deleting again 204", async () => {
    const { id } = await createExperiment();
    const res = await api("DELETE", detail(id));
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(await listIds()).not.toContain(id);
    expect((await api("GET", detail(id))).status).toBe(200);
    expect((await api("DELETE", detail(id))).status).toBe(204);
  });

  test("a deleted experiment can still be patched", async () => {
    const { id } = await createExperiment();
    await api("DELETE", detail(id));
    const res = await api("PATCH", detail(id), { name: "after delete" });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe("after delete");
    expect(await listIds()).not.toContain(id);
  });

  test("cascades to schedules: hidden from the schedule list, detail still 200, no new ones", async () => {
    const { id } = await createExperiment();
    const schedule = await api("POST", `${detail(id)}schedule/`, { recurrence_pattern: "*/5 * * * *" });
    expect(schedule.status).toBe(201);
    expect(await listIds(`${detail(id)}schedule/`)).toEqual([schedule.body.id]);

    await api("DELETE", detail(id));
    const list = await api("GET", `${detail(id)}schedule/`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
    const got = await api("GET", `${detail(id)}schedule/${schedule.body.id}/`);
    expect(got.status).toBe(200);
    expect(got.body.next_run_at).toBeNull();
    expect((await api("POST", `${detail(id)}schedule/`, { recurrence_pattern: "* * * * *" })).status).toBe(404);
  });

  test("trials of a deleted experiment: hidden from the list, detail 200, stop 404, no new ones", async () => {
    const { id } = await createExperiment();
    const trial = await api("POST", "/api/v1/trial/", { experiment: id });
    expect(trial.status).toBe(201);

    await api("DELETE", detail(id));
    expect(await listIds("/api/v1/trial/")).not.toContain(trial.body.id);
    expect((await api("GET", `/api/v1/trial/?experiment=${id}`)).body).toEqual([]);
    const got = await api("GET", `/api/v1/trial/${trial.body.id}/`);
    expect(got.status).toBe(200);
    expect(got.body.status).toBe("Scheduled");
    const stop = await api("PUT", `/api/v1/trial/${trial.body.id}/stop`);
    expect(stop.status).toBe(404);
    expect(stop.body).toEqual({ detail: "Not found." });
    const again = await api("POST", "/api/v1/trial/", { experiment: id });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ experiment: [`Invalid pk "${id}" - object does not exist.`] });
  });
});

describe("secret masking", () => {
  const secretStep = {
    do: "cm.http_probe",
    where: {
      url: "https://x.test",
      headers: { Authorization: "Bearer abc.def", "X-Token": "t0k" },
      password: "hunter2",
      token: "s3cr3t",
      credentials: { type: "ENV_VAR_USERNAME_PASSWORD", password_key: "K8S_PASSWORD", username_key: "K8S_USERNAME" },
    },
  };
  const masked = {
    ...secretStep,
    where: {
      ...secretStep.where,
      headers: { Authorization: "*****", "X-Token": "*****" },
      password: "*****",
      token: "*****",
    },
  };

  test("secret values are masked in every response; keys naming a secret stay visible", async () => {
    const created = await createExperiment({ steps: [secretStep], parameters: { api_key: "k", region: "eu" } });
    expect(created.steps).toEqual([masked]);
    expect(created.parameters).toEqual({ api_key: "*****", region: "eu" });
    expect((await api("GET", detail(created.id))).body.steps).toEqual([masked]);
    const listed = (await api("GET", "/api/v1/experiment/")).body.find((e: { id: string }) => e.id === created.id);
    expect(listed.steps).toEqual([masked]);
    expect(JSON.stringify(listed)).not.toMatch(/hunter2|s3cr3t|abc\.def|t0k/);
  });

  test("PUT of the masked document keeps the stored secrets", async () => {
    const created = await createExperiment({ steps: [secretStep] });
    const got = (await api("GET", detail(created.id))).body;
    const res = await api("PUT", detail(created.id), { ...got, name: "round trip" });
    expect(res.status).toBe(200);
    expect(res.body.steps).toEqual([masked]);
    expect((await api("GET", detail(created.id))).body.steps).toEqual([masked]);
    expect((await storedRow(created.id)).steps).toEqual([secretStep]);
  });

  test("a new secret value replaces the stored one", async () => {
    const created = await createExperiment({ steps: [secretStep] });
    const steps = [{ ...secretStep, where: { ...secretStep.where, password: "changed" } }];
    const res = await api("PATCH", detail(created.id), { steps });
    expect(res.body.steps).toEqual([masked]);
    const stored = await storedRow(created.id);
    expect(stored.steps[0].where.password).toBe("changed");
    expect(stored.steps[0].where.token).toBe("s3cr3t");
  });
});
