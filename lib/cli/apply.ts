/**
 * `eris apply -f <file|dir>`: each document becomes the live experiment of that name (created, or
 * replaced field by field so nothing the file omits survives) and its schedules (matched by pattern
 * and time zone; those not in the file are deleted only with --prune). Prints what changed.
 */
import type { Client } from "./client";
import type { ExperimentDoc, ScheduleDoc } from "./documents";

type Experiment = { id: string; name: string; revision: number; metadata: Record<string, unknown> };
type Schedule = Record<string, unknown> & { id: string; recurrence_pattern: string; timezone: string };
export type ApplyOptions = { prune: boolean; print: (line: string) => void };

const DEFINITION_DEFAULTS = {
  description: "",
  metadata: {},
  parameters: {},
  pre_steps: [],
  steps: [],
  post_steps: [],
  guards: [],
};
const SCHEDULE_DEFAULTS = {
  recurrence_count: null,
  parameters: {},
  metadata: {},
  ticket: {},
  timezone: "UTC",
  concurrency_policy: "Forbid",
  starting_deadline_seconds: null,
  history_limit: null,
  paused: false,
  guards: [],
};

/** JSON with sorted keys: two values are the same when their canonical texts are. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/** A guard as the server stores it: defaults filled, empty names dropped. */
function storedGuard(g: Record<string, unknown>): Record<string, unknown> {
  const { name, step, ...rest } = g;
  return {
    ...(typeof name === "string" && name.trim() ? { name: name.trim() } : {}),
    ...(typeof step === "string" && step.trim() ? { step } : {}),
    where: {},
    interval_seconds: 10,
    tolerance: 0,
    ...rest,
  };
}

const scheduleKey = (pattern: string, timezone: string | undefined) => `${pattern.trim()} (${timezone ?? "UTC"})`;

export async function applyDocuments(client: Client, docs: ExperimentDoc[], o: ApplyOptions): Promise<number> {
  let failures = 0;
  for (const doc of docs) {
    try {
      await applyOne(client, doc, o);
    } catch (err) {
      failures++;
      o.print(`experiment "${doc.definition.name}" (${doc.source}): ${(err as Error).message}`);
    }
  }
  return failures;
}

/** Placeholder the server shows instead of a secret: a converted document holding one cannot be applied. */
const MASK = "*****";

/**
 * A Chaos Mesh document becomes an Eris experiment (and schedule) exactly as the dashboard's import
 * makes it: the server converts it (a dry run of POST /import, so its messages name the document's
 * lines) and it is then applied by name like any other, so a second apply is "unchanged".
 */
async function fromChaosMesh(client: Client, doc: ExperimentDoc): Promise<ExperimentDoc> {
  const plan = await client.call<{
    experiment: Record<string, unknown> & { name: string };
    schedule: Record<string, unknown> | null;
  }>("POST", "/api/v1/import?dry_run=true", doc.chaosMesh);
  if (JSON.stringify(plan.experiment).includes(MASK))
    throw new Error("it holds a value the server treats as a secret; import it from the dashboard instead");
  const schedule = plan.schedule
    ? Object.fromEntries(
        Object.keys({ ...SCHEDULE_DEFAULTS, recurrence_pattern: "" }).map((k) => [k, plan.schedule?.[k]]),
      )
    : null;
  return {
    source: doc.source,
    definition: plan.experiment,
    schedules: schedule ? [schedule as ScheduleDoc] : [],
  };
}

async function applyOne(client: Client, given: ExperimentDoc, o: ApplyOptions): Promise<void> {
  const doc = given.chaosMesh ? await fromChaosMesh(client, given) : given;
  const name = doc.definition.name;
  const live = await client.call<Experiment[]>("GET", `/api/v1/experiment/?search=${encodeURIComponent(name)}`);
  const same = live.filter((e) => e.name === name);
  if (same.length > 1) {
    throw new Error(
      `${same.length} live experiments have this name (${same.map((e) => e.id).join(", ")}); rename or delete all but one`,
    );
  }
  const body = { ...DEFINITION_DEFAULTS, ...doc.definition };
  let experiment: Experiment & { warnings?: { field: string; message: string }[] };
  if (!same.length) {
    experiment = await client.call("POST", "/api/v1/experiment/", body);
    o.print(`experiment "${name}" created (${experiment.id})`);
  } else {
    experiment = await client.call("PUT", `/api/v1/experiment/${same[0].id}/`, body);
    const changed = experiment.revision !== same[0].revision;
    o.print(`experiment "${name}" ${changed ? `updated (revision ${experiment.revision})` : "unchanged"}`);
  }
  for (const w of experiment.warnings ?? []) o.print(`  warning: ${w.field}: ${w.message}`);
  await applySchedules(client, experiment, doc.schedules ?? [], o);
}

async function applySchedules(client: Client, e: Experiment, wanted: ScheduleDoc[], o: ApplyOptions): Promise<void> {
  const base = `/api/v1/experiment/${e.id}/schedule/`;
  const existing = await client.call<Schedule[]>("GET", base);
  const keys = new Set<string>();
  for (const s of wanted) {
    const key = scheduleKey(s.recurrence_pattern, s.timezone);
    if (keys.has(key)) throw new Error(`schedule ${key} appears twice in the file`);
    keys.add(key);
  }
  const unused = [...existing];
  for (const s of wanted) {
    const key = scheduleKey(s.recurrence_pattern, s.timezone);
    const body = { ...SCHEDULE_DEFAULTS, ...s };
    const at = unused.findIndex((x) => scheduleKey(x.recurrence_pattern, x.timezone) === key);
    if (at < 0) {
      await client.call("POST", base, body);
      o.print(`  schedule ${key} created`);
      continue;
    }
    const [current] = unused.splice(at, 1);
    if (sameSchedule(body, current, e.metadata)) {
      o.print(`  schedule ${key} unchanged`);
      continue;
    }
    await client.call("PUT", `${base}${current.id}/`, body);
    o.print(`  schedule ${key} updated`);
  }
  for (const s of unused) {
    const key = scheduleKey(s.recurrence_pattern, s.timezone);
    if (!o.prune) {
      o.print(`  schedule ${key} kept (not in the file; --prune deletes it)`);
      continue;
    }
    await client.call("DELETE", `${base}${s.id}/`);
    o.print(`  schedule ${key} deleted`);
  }
}

/** The schedule already says what the file says (its metadata carries the experiment's under the file's). */
function sameSchedule(
  want: Record<string, unknown>,
  have: Schedule,
  experimentMetadata: Record<string, unknown>,
): boolean {
  const expected = {
    ...want,
    metadata: { ...experimentMetadata, ...(want.metadata as Record<string, unknown>) },
    guards: (want.guards as Record<string, unknown>[]).map(storedGuard),
  };
  return Object.keys(SCHEDULE_DEFAULTS).every(
    (k) => canonical(expected[k as keyof typeof expected]) === canonical(have[k]),
  );
}
