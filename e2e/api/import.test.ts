/**
 * POST /api/v1/import: seed 001's two documents as written, Eris's own export, dry runs, errors at
 * their YAML path, and the limits every body has; GET /experiment/{id}/export?format=chaos-mesh
 * gives a Schedule back (round trip) or says why it cannot.
 */
import { count } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import YAML from "yaml";
import { getDb } from "@/db/client";
import { auditEvents, experiments, schedules } from "@/db/tables";
import { SEED_001_NETWORK_CHAOS, SEED_001_SCHEDULE } from "@/e2e/fixtures/seed-001";
import { api, createExperiment } from "./client";

const YAML_TYPE = { "content-type": "application/yaml" };
const importYaml = (text: string, query = "") =>
  api("POST", `/api/v1/import${query}`, undefined, { raw: text, headers: YAML_TYPE });
const rows = async () => ({
  experiments: (await getDb().select({ n: count() }).from(experiments))[0]?.n,
  schedules: (await getDb().select({ n: count() }).from(schedules))[0]?.n,
  audit: (await getDb().select({ n: count() }).from(auditEvents))[0]?.n,
});

const SEED_SPEC = {
  action: "delay",
  mode: "one",
  selector: { namespaces: ["default"], labelSelectors: { app: "web-show" } },
  delay: { latency: "10ms", correlation: "100", jitter: "0ms" },
  duration: "12s",
};

describe("seed 001's documents, verbatim", () => {
  test("the Schedule becomes an experiment with one chaosmesh step and a schedule, previewed at minute 5 of every hour", async () => {
    const res = await importYaml(SEED_001_SCHEDULE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      dry_run: false,
      source: "chaos-mesh-schedule",
      experiment: {
        name: "schedule-delay-example",
        description: "Imported from the Chaos Mesh Schedule schedule-delay-example.",
        pre_steps: [],
        steps: [{ step: "NetworkChaos delay", do: "chaosmesh.network_chaos", where: SEED_SPEC }],
        post_steps: [],
      },
      schedule: {
        recurrence_pattern: "5 * * * *",
        timezone: "UTC",
        history_limit: 2,
        concurrency_policy: "Allow",
        starting_deadline_seconds: null,
        paused: false,
        description: "At 5 minutes past the hour",
      },
      warnings: [],
    });
    expect(res.body.schedule.experiment_id).toBe(res.body.experiment.id);
    expect(res.body.next_runs).toHaveLength(5);
    for (const run of res.body.next_runs) expect(run.utc).toMatch(/T\d\d:05:00\.000000Z$/);
    const hours = res.body.next_runs.map((r: { utc: string }) => Date.parse(r.utc));
    expect(hours[1] - hours[0]).toBe(3_600_000);
    // It is all there afterwards, as any experiment and schedule.
    const schedule = await api("GET", `/api/v1/experiment/${res.body.experiment.id}/schedule/${res.body.schedule.id}/`);
    expect(schedule.body.next_run_at).toMatch(/:05:00\.000000Z$/);
  });

  test("the NetworkChaos object imports as one step", async () => {
    const res = await importYaml(SEED_001_NETWORK_CHAOS);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      source: "chaos-mesh-object",
      experiment: {
        name: "schedule-delay-example-xxxxx",
        steps: [{ do: "chaosmesh.network_chaos", where: SEED_SPEC }],
      },
      schedule: null,
      next_runs: [],
    });
  });

  test("JSON works as well as YAML, and metadata.namespace becomes the step's namespace", async () => {
    const doc = YAML.parse(SEED_001_SCHEDULE);
    doc.metadata.namespace = "shop";
    doc.metadata.annotations = { "experiment.chaos-mesh.org/pause": "true" };
    doc.spec.concurrencyPolicy = "";
    doc.spec.startingDeadlineSeconds = 30;
    const res = await api("POST", "/api/v1/import", doc);
    expect(res.status).toBe(201);
    expect(res.body.experiment.steps[0].where.namespace).toBe("shop");
    expect(res.body.schedule).toMatchObject({
      paused: true,
      concurrency_policy: "Forbid",
      starting_deadline_seconds: 30,
      next_run_at: null,
    });
  });

  test("kubectl get -o yaml output imports too: the server's metadata and status are ignored", async () => {
    const doc = YAML.parse(SEED_001_SCHEDULE);
    doc.metadata = {
      ...doc.metadata,
      namespace: "default",
      uid: "0b6e3c2e-0000-4000-8000-000000000001",
      resourceVersion: "4711",
      creationTimestamp: "2026-11-25T10:00:00Z",
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{}" },
    };
    doc.spec.startingDeadlineSeconds = null;
    doc.spec.networkChaos.direction = "to"; // defaulted by Chaos Mesh's webhook
    doc.status = {
      active: [{ kind: "NetworkChaos", name: "schedule-delay-example-abcde" }],
      time: "2026-11-25T10:05:00Z",
    };
    const res = await api("POST", "/api/v1/import?dry_run=true", doc);
    expect(res.status).toBe(200);
    expect(res.body.experiment.steps[0].where).toMatchObject({ namespace: "default", direction: "to" });
    expect(res.body.schedule).toMatchObject({ paused: false, starting_deadline_seconds: null });
  });

  test("a CRON_TZ=Asia/Tokyo schedule sets the schedule's zone", async () => {
    const res = await importYaml(SEED_001_SCHEDULE.replace("'5 * * * *'", "'CRON_TZ=Asia/Tokyo 0 9 * * *'"));
    expect(res.status).toBe(201);
    expect(res.body.schedule.timezone).toBe("Asia/Tokyo");
    expect(res.body.next_runs[0].local).toMatch(/T09:00:00\+09:00$/);
  });
});

describe("dry runs", () => {
  test("a dry run answers with what would be created and writes nothing", async () => {
    const before = await rows();
    const res = await importYaml(SEED_001_SCHEDULE, "?dry_run=true");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dry_run: true,
      experiment: { name: "schedule-delay-example", steps: [{ do: "chaosmesh.network_chaos" }] },
      schedule: { recurrence_pattern: "5 * * * *", concurrency_policy: "Allow", history_limit: 2 },
    });
    expect(res.body.experiment.id).toBeUndefined();
    expect(res.body.next_runs).toHaveLength(5);
    expect(await rows()).toEqual(before);
  });
});

describe("errors name the YAML path", () => {
  const broken = (from: string, to: string) => SEED_001_SCHEDULE.replace(from, to);

  const cases: [path: string, message: string, from: string, to: string][] = [
    [
      "spec.networkChaos.delay.latency",
      'latency must be a duration such as "30s", "5m" or "1h30m" (line 19)',
      "latency: '10ms'",
      "latency: 'ten'",
    ],
    ["spec.concurrencyPolicy", 'concurrencyPolicy must be "Forbid", "Allow" or "" (line 8)', "'Allow'", "'Replace'"],
    [
      "spec.schedule",
      "61 * * * * is not a valid cron expression: minute is out of range (allowed 0-59) (line 6)",
      "'5 * * * *'",
      "'61 * * * *'",
    ],
    [
      "spec.type",
      '"Workflow" is not a chaos kind Eris runs (PodChaos, NetworkChaos, StressChaos, IOChaos, TimeChaos, DNSChaos, HTTPChaos) (line 9)',
      "type: 'NetworkChaos'",
      "type: 'Workflow'",
    ],
    [
      "spec.networkChaos.mode",
      'Invalid option: expected one of "one"|"all"|"fixed"|"fixed-percent"|"random-max-percent" (line 11)',
      "    mode: one\n",
      "",
    ],
    [
      "spec.networkChaos.duration",
      "duration is required: Eris holds the fault that long (without it Chaos Mesh keeps it until deleted) (line 11)",
      "    duration: '12s'\n",
      "",
    ],
    ["spec.historyLimit", "Too small: expected number to be >=1 (line 7)", "historyLimit: 2", "historyLimit: 0"],
    ["metadata.name", "metadata.name is required (line 3)", "  name: schedule-delay-example\n", ""],
  ];
  test.each(cases)("%s: %s", async (path, message, from, to) => {
    const before = await rows();
    const res = await importYaml(broken(from, to));
    expect(res.status).toBe(400);
    expect(res.body[path]).toEqual([message]);
    expect(await rows()).toEqual(before);
  });

  test("a YAML syntax error says where; an unknown document says what is accepted", async () => {
    const syntax = await importYaml("apiVersion: chaos-mesh.org/v1alpha1\nkind: [Schedule\n");
    expect(syntax.status).toBe(400);
    expect(syntax.body.detail).toMatch(/^YAML error at line \d+, column \d+: /);
    const pod = await importYaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n");
    expect(pod.status).toBe(400);
    expect(pod.body.kind[0]).toMatch(
      /^Pod of v1 is not something Eris imports\. Import takes an Eris experiment export/,
    );
    const two = await importYaml(`${SEED_001_SCHEDULE}---\n${SEED_001_NETWORK_CHAOS}`);
    expect(two.body.detail).toBe("YAML: the text holds 2 documents (separated by ---); import one at a time.");
    const list = await importYaml("- a\n- b\n");
    expect(list.body.detail).toMatch(/^The document is not an object\./);
  });

  test("the body limits apply to YAML: too large is 413, too deep is 400 naming the field, another type is 415", async () => {
    const big = await importYaml(`name: x\ndescription: "${"a".repeat(2_000_000)}"\n`);
    expect(big.status).toBe(413);
    const deep = await importYaml(`name: x\nsteps: []\nmetadata: ${"[".repeat(70)}${"]".repeat(70)}\n`);
    expect(deep.status).toBe(400);
    expect(deep.body).toEqual({ metadata: ["Nested deeper than 64 levels."] });
    const text = await api("POST", "/api/v1/import", undefined, {
      raw: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect(text.body.detail).toContain("Send the document as YAML (application/yaml) or JSON (application/json)");
  });

  test("an Eris export with a bad step names the step's path", async () => {
    const res = await importYaml("name: x\nsteps:\n  - do: cm.wait\n    where:\n      time_in_seconds: soon\n");
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(["steps.0.where.time_in_seconds"]);
    expect(res.body["steps.0.where.time_in_seconds"][0]).toMatch(/\(line 5\)$/);
  });

  test("viewers may not import", async () => {
    expect((await importYaml(SEED_001_SCHEDULE)).status).toBe(201);
    const res = await api("POST", "/api/v1/import", undefined, {
      raw: SEED_001_SCHEDULE,
      headers: YAML_TYPE,
      as: "viewer",
    });
    expect(res.status).toBe(403);
  });
});

describe("export", () => {
  test("an imported Schedule exports back as an equivalent Schedule (round trip)", async () => {
    const imported = await importYaml(SEED_001_SCHEDULE);
    const res = await api(
      "GET",
      `/api/v1/experiment/${imported.body.experiment.id}/export?format=chaos-mesh`,
      undefined,
      { rawBody: true },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    expect(YAML.parse(res.body)).toEqual(YAML.parse(SEED_001_SCHEDULE));
    // And that document imports again to the same experiment and schedule.
    const again = await importYaml(res.body, "?dry_run=true");
    expect(again.body.experiment.steps).toEqual(imported.body.experiment.steps);
    expect(again.body.schedule).toMatchObject({
      recurrence_pattern: "5 * * * *",
      concurrency_policy: "Allow",
      history_limit: 2,
    });
  });

  test("a bare chaos object exports back as itself; a zone travels as CRON_TZ=; pause as the annotation", async () => {
    const object = await importYaml(SEED_001_NETWORK_CHAOS);
    const bare = await api(
      "GET",
      `/api/v1/experiment/${object.body.experiment.id}/export?format=chaos-mesh`,
      undefined,
      {
        headers: { accept: "application/json" },
      },
    );
    expect(bare.body).toEqual(YAML.parse(SEED_001_NETWORK_CHAOS));
    const doc = YAML.parse(SEED_001_SCHEDULE);
    doc.metadata.annotations = { "experiment.chaos-mesh.org/pause": "true" };
    const paused = await api("POST", "/api/v1/import", doc);
    await api("PATCH", `/api/v1/experiment/${paused.body.experiment.id}/schedule/${paused.body.schedule.id}/`, {
      timezone: "Asia/Tokyo",
    });
    const out = await api(
      "GET",
      `/api/v1/experiment/${paused.body.experiment.id}/export?format=chaos-mesh`,
      undefined,
      { rawBody: true },
    );
    expect(YAML.parse(out.body)).toMatchObject({
      metadata: { annotations: { "experiment.chaos-mesh.org/pause": "true" } },
      spec: { schedule: "CRON_TZ=Asia/Tokyo 5 * * * *" },
    });
  });

  test("a secret in a chaos spec (an HTTP header) reads back masked in the Chaos Mesh export", async () => {
    const doc = {
      apiVersion: "chaos-mesh.org/v1alpha1",
      kind: "HTTPChaos",
      metadata: { name: "http-abort" },
      spec: {
        mode: "all",
        selector: { labelSelectors: { app: "web-show" } },
        target: "Request",
        port: 8080,
        abort: true,
        request_headers: { Authorization: "Bearer s3cr3t-value" },
        duration: "30s",
      },
    };
    const imported = await api("POST", "/api/v1/import", doc);
    expect(imported.status).toBe(201);
    expect(JSON.stringify(imported.body)).not.toContain("s3cr3t-value");
    const out = await api(
      "GET",
      `/api/v1/experiment/${imported.body.experiment.id}/export?format=chaos-mesh`,
      undefined,
      {
        rawBody: true,
      },
    );
    expect(out.status).toBe(200);
    expect(out.body).not.toContain("s3cr3t-value");
    expect(YAML.parse(out.body).spec.request_headers).toEqual({ Authorization: "*****" });
  });

  test("Eris's own export (json, yaml) imports back to the same definition", async () => {
    const source = await createExperiment({ name: "Round trip", metadata: { team: "sre" }, parameters: { n: 1 } });
    for (const format of ["json", "yaml"]) {
      const out = await api("GET", `/api/v1/experiment/${source.id}/export?format=${format}`, undefined, {
        rawBody: true,
      });
      expect(out.status).toBe(200);
      const back = await api("POST", "/api/v1/import", undefined, {
        raw: out.body,
        headers: { "content-type": `application/${format}` },
      });
      expect(back.status).toBe(201);
      const keys = ["name", "description", "metadata", "parameters", "pre_steps", "steps", "post_steps"] as const;
      const pick = (e: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, e[k]]));
      expect(pick(back.body.experiment)).toEqual(pick(source));
      expect(back.body.source).toBe("eris");
    }
  });

  test("what Chaos Mesh cannot express is refused with every reason, the 57-character name limit included", async () => {
    const long = "a".repeat(58);
    const doc = YAML.parse(SEED_001_SCHEDULE);
    doc.metadata.name = long;
    const imported = await api("POST", "/api/v1/import", doc);
    expect(imported.status).toBe(201);
    const res = await api("GET", `/api/v1/experiment/${imported.body.experiment.id}/export?format=chaos-mesh`);
    expect(res.status).toBe(409);
    expect(res.body.reasons).toEqual([
      "its name is 58 characters long: Chaos Mesh allows at most 57 for a Schedule (it adds 6 to every object it creates)",
    ]);
    const seed003 = await createExperiment();
    const other = await api("GET", `/api/v1/experiment/${seed003.id}/export?format=chaos-mesh`);
    expect(other.status).toBe(409);
    expect(other.body.reasons).toEqual([
      "it has 2 steps: a Chaos Mesh Schedule holds exactly one",
      "its name \"Terminate a hello world pod\" is not a Kubernetes object name (lower-case letters, digits, '-' and '.')",
    ]);
    expect(other.body.detail).toMatch(/^This experiment cannot be written as a Chaos Mesh Schedule: it has 2 steps/);
    const bad = await api("GET", `/api/v1/experiment/${seed003.id}/export?format=docx`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(["format"]);
  });
});
