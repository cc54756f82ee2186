/**
 * Property-based: whatever JSON a client sends to a write route, the API answers with a JSON body
 * and never with a 5xx. Bodies are either arbitrary JSON values or objects built from the real
 * field names, whose values are sometimes plausible and sometimes arbitrary.
 */
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { api, createExperiment } from "./client";

/** Modest by default so the file runs in seconds; `FUZZ_RUNS=5000` for a deeper search. */
const NUM_RUNS = Number(process.env.FUZZ_RUNS) || 150;

type Ids = { experiment: string; schedule: string };
let ids: Ids;
beforeAll(async () => {
  const experiment = (await createExperiment()).id;
  const schedule = await api("POST", `/api/v1/experiment/${experiment}/schedule/`, { recurrence_pattern: "@hourly" });
  ids = { experiment, schedule: schedule.body.id };
});

/** Asserts the contract every answer keeps: not a 5xx, and a JSON object body. */
async function expectJsonAnswer(method: string, path: string, body?: unknown, raw?: string) {
  const res = await api(
    method,
    path,
    body,
    raw === undefined ? {} : { raw, headers: { "content-type": "application/json" } },
  );
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.body).toBeTypeOf("object");
  expect(res.body).not.toBeNull();
}

// ---- value arbitraries -------------------------------------------------------------------------

/** Values that have broken JSON handlers before: objects without a usable toString, a __proto__ key, ... */
const nasty = fc.constantFrom<unknown>(
  { toString: null },
  { valueOf: null, toString: null },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  [null],
  "",
  " ",
  "\u0000",
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
);
const anyJson = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: nasty });
/** A plausible value for the field most of the time, any JSON value otherwise. */
const field = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: anyJson });
/** An object with any subset of the given fields. */
const bodyOf = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields, { requiredKeys: [] });

const dict = fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 4 });
const text = (maxLength: number) => fc.string({ maxLength });
const int = fc.oneof(fc.integer({ min: -3, max: 100 }), fc.maxSafeInteger(), fc.double(), fc.constant(null));

const step = bodyOf({
  step: field(fc.oneof(text(20), fc.constant(null))),
  do: field(fc.oneof(fc.constantFrom("cm.wait", "k8s.terminate_pods", "aws.ec2.stop_instance", "nodot", ""), text(20))),
  where: field(dict),
  expect: field(fc.array(dict, { maxLength: 2 })),
});
const steps = field(fc.array(field(step), { maxLength: 3 }));

const ticket = field(
  fc.oneof(
    fc.constant({}),
    bodyOf({ type: field(fc.constantFrom("CHG", "INC", "")), number: field(fc.oneof(text(8), fc.integer())) }),
  ),
);

const cronField = fc.oneof(
  fc.constantFrom("*", "*/5", "1-5", "5-1", "MON-FRI", "JAN", "L", "?", "#", ""),
  fc.integer({ min: -1, max: 100 }).map(String),
  fc.tuple(fc.nat(70), fc.nat(70)).map(([a, b]) => `${a}-${b}/${b}`),
);
const pattern = fc.oneof(
  fc.constantFrom("*/5 * * * *", "@daily", "@yearly", "@every 1h30m10s", "@every 500ms", "@reboot", "0 0 30 2 *", ""),
  fc.array(cronField, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(" ")),
  fc
    .tuple(
      fc.oneof(fc.nat(), fc.maxSafeNat(), fc.double({ min: 0, noNaN: true })),
      fc.constantFrom("ns", "ms", "s", "m", "h", "d", ""),
    )
    .map(([n, unit]) => `@every ${n}${unit}`),
  text(30),
);
const timezone = fc.oneof(
  fc.constantFrom("UTC", "Europe/Paris", "America/New_York", "Mars/Olympus", "utc", ""),
  text(20),
);

const experimentBody = () =>
  fc.oneof(
    anyJson,
    bodyOf({
      name: field(text(160)),
      description: field(text(20)),
      metadata: field(dict),
      parameters: field(dict),
      pre_steps: steps,
      steps,
      post_steps: steps,
    }),
  );

const scheduleBody = () =>
  fc.oneof(
    anyJson,
    bodyOf({
      recurrence_pattern: field(pattern),
      recurrence_count: field(int),
      parameters: field(dict),
      metadata: field(dict),
      ticket,
      timezone: field(timezone),
      concurrency_policy: field(fc.constantFrom("Forbid", "Allow", "Replace", "forbid")),
      starting_deadline_seconds: field(int),
      history_limit: field(int),
      paused: field(fc.boolean()),
    }),
  );

const trialBody = () =>
  fc.oneof(
    anyJson,
    bodyOf({
      experiment: field(fc.oneof(fc.constant(ids.experiment), fc.uuid(), fc.constantFrom("abc", ""), text(40))),
      parameters: field(dict),
      metadata: field(dict),
      ticket,
      initiated_from: field(text(25)),
    }),
  );

const signalBody = () =>
  fc.oneof(anyJson, bodyOf({ state: field(fc.constantFrom("RUN", "PAUSE", "STOP", "halt")), reason: field(text(30)) }));

// ---- properties ----------------------------------------------------------------------------------

const experimentPath = () => `/api/v1/experiment/${ids.experiment}/`;
const schedulePath = () => `${experimentPath()}schedule/${ids.schedule}/`;

const ROUTES: [string, string, () => string, () => fc.Arbitrary<unknown>][] = [
  ["POST /experiment", "POST", () => "/api/v1/experiment/", experimentBody],
  ["PUT /experiment/{id}", "PUT", experimentPath, experimentBody],
  ["PATCH /experiment/{id}", "PATCH", experimentPath, experimentBody],
  ["POST /experiment/{id}/schedule", "POST", () => `${experimentPath()}schedule/`, scheduleBody],
  ["PUT /experiment/{id}/schedule/{sid}", "PUT", schedulePath, scheduleBody],
  ["PATCH /experiment/{id}/schedule/{sid}", "PATCH", schedulePath, scheduleBody],
  ["POST /trial", "POST", () => "/api/v1/trial/", trialBody],
  ["POST /signal", "POST", () => "/api/v1/signal/", signalBody],
];

test.each(ROUTES)("%s: any JSON body gets a JSON answer below 500", async (_name, method, path, body) => {
  await fc.assert(
    fc.asyncProperty(body(), (b) => expectJsonAnswer(method, path(), b)),
    { numRuns: NUM_RUNS },
  );
});

test("any raw or truncated text sent as JSON gets a JSON answer below 500", async () => {
  const raw = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)), // truncated JSON,
  );
  await fc.assert(
    fc.asyncProperty(raw, (r) => expectJsonAnswer("POST", "/api/v1/experiment/", undefined, r)),
    { numRuns: NUM_RUNS },
  );
});

test("any query string on the trial list and the schedule preview gets a JSON answer below 500", async () => {
  const value = fc.oneof(text(30), fc.uuid(), fc.constantFrom("Scheduled", "In Progress", "2026-01-31T12:00:00Z"));
  const trialQuery = bodyOf({
    experiment: value,
    schedule: value,
    status: value,
    since: value,
    until: value,
    limit: value,
    offset: value,
  });
  const previewQuery = bodyOf({
    pattern,
    timezone,
    count: fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), text(5)),
  });
  const query = (q: Record<string, string>) => new URLSearchParams(q).toString();
  await fc.assert(
    fc.asyncProperty(trialQuery, (q) =>
      expectJsonAnswer("GET", `/api/v1/trial/?${query(q as Record<string, string>)}`),
    ),
    { numRuns: NUM_RUNS },
  );
  await fc.assert(
    fc.asyncProperty(previewQuery, (q) =>
      expectJsonAnswer("GET", `/api/v1/schedule/preview?${query(q as Record<string, string>)}`),
    ),
    { numRuns: NUM_RUNS },
  );
});
