/**
 * Chaos Mesh documents as Eris plans. A `kind: Schedule` becomes an experiment with one chaosmesh step
 * (its `type` and `<kind>` block) and a schedule: `schedule` → recurrence_pattern, `historyLimit` →
 * history_limit, `concurrencyPolicy` (Forbid, Allow, "" = Forbid) → concurrency_policy,
 * `startingDeadlineSeconds` → starting_deadline_seconds, the pause annotation → paused,
 * `metadata.name` → the experiment's name and `metadata.namespace` → the step's namespace. A bare
 * chaos object (`kind: NetworkChaos`) becomes an experiment with one step.
 */
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import type { CreateExperimentInput } from "@/lib/experiments/schemas";
import { DNS_LABEL, specSchema } from "@/lib/modules/chaosmesh/actions";
import { KINDS, type KindDef, kindNamed } from "@/lib/modules/chaosmesh/kinds";
import { PAUSE_ANNOTATION } from "@/lib/modules/chaosmesh/objects";
import type { ScheduleInput } from "@/lib/schedules/schemas";
import { checkPattern, scheduleZone } from "@/lib/schedules/timing";
import type { Issues } from "./issues";

export type Plan = {
  source: "eris" | "chaos-mesh-schedule" | "chaos-mesh-object";
  experiment: CreateExperimentInput;
  schedule: ScheduleInput | null;
};

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => typeof v === "object" && v !== null && !Array.isArray(v);
const KNOWN = KINDS.map((k) => k.kind).join(", ");

/** Where a Schedule keeps what it is: these keys, plus the block its `type` names. */
const SCHEDULE_KEYS = new Set(["schedule", "historyLimit", "concurrencyPolicy", "startingDeadlineSeconds", "type"]);

const scheduleFields = z.object({
  schedule: z.string({ error: "schedule is required, e.g. '5 * * * *'" }).min(1, "schedule may not be empty"),
  historyLimit: z.number().int().min(1).optional(),
  concurrencyPolicy: z
    .enum(["Forbid", "Allow", ""], { error: 'concurrencyPolicy must be "Forbid", "Allow" or ""' })
    .optional(),
  startingDeadlineSeconds: z.number().int().min(1).nullable().optional(),
  type: z.string({ error: "type is required, e.g. NetworkChaos" }),
});

/** metadata.name (or generateName) and the namespace the step creates its object in. */
function readMetadata(doc: Doc, issues: Issues) {
  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  const name = typeof metadata.name === "string" ? metadata.name : metadata.generateName;
  if (typeof name !== "string" || !name.trim()) issues.add(["metadata", "name"], "metadata.name is required");
  const namespace = metadata.namespace;
  if (namespace !== undefined && !(typeof namespace === "string" && DNS_LABEL.test(namespace))) {
    issues.add(["metadata", "namespace"], "metadata.namespace must be a Kubernetes namespace name");
  }
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  const paused = String(annotations[PAUSE_ANNOTATION]) === "true";
  return { name: typeof name === "string" ? name.trim() : "", namespace: namespace as string | undefined, paused };
}

/** The chaos spec, checked against its kind's schema; issues land under `at`. */
function readSpec(def: KindDef, block: unknown, at: (string | number)[], issues: Issues) {
  const parsed = specSchema(def).safeParse(block);
  if (!parsed.success) issues.addAll(at, parsed.error.issues);
  return isObject(block) ? block : {};
}

function experimentFor(name: string, description: string, def: KindDef, namespace: string | undefined, spec: Doc) {
  const action = typeof spec.action === "string" ? ` ${spec.action}` : "";
  const experiment: CreateExperimentInput = {
    name,
    description,
    metadata: {},
    parameters: {},
    pre_steps: [],
    guards: [],
    // The spec as written: Chaos Mesh's own defaults stay Chaos Mesh's.
    steps: [
      {
        step: `${def.kind}${action}`,
        do: `chaosmesh.${def.action}`,
        where: { ...(namespace ? { namespace } : {}), ...spec },
      },
    ],
    post_steps: [],
  };
  return experiment;
}

export function fromSchedule(doc: Doc, issues: Issues): Plan | null {
  const meta = readMetadata(doc, issues);
  const spec = isObject(doc.spec) ? doc.spec : null;
  if (!spec) {
    issues.add(["spec"], "spec is required");
    return null;
  }
  const fields = scheduleFields.safeParse(spec);
  if (!fields.success) issues.addAll(["spec"], fields.error.issues);
  const type = typeof spec.type === "string" ? spec.type : "";
  const def = kindNamed(type);
  if (type && !def) {
    issues.add(["spec", "type"], `"${type}" is not a chaos kind Eris runs (${KNOWN})`);
  }
  if (!def || !fields.success) return null;
  for (const key of Object.keys(spec)) {
    if (SCHEDULE_KEYS.has(key) || key === def.scheduleKey) continue;
    const other = KINDS.find((k) => k.scheduleKey === key);
    issues.add(
      ["spec", key],
      other ? `type is ${def.kind}: only ${def.scheduleKey} is read` : `Unrecognized key: "${key}"`,
    );
  }
  if (spec[def.scheduleKey] === undefined) {
    issues.add(["spec", def.scheduleKey], `${def.scheduleKey} is required when type is ${def.kind}`);
    return null;
  }
  const chaos = readSpec(def, spec[def.scheduleKey], ["spec", def.scheduleKey], issues);
  const pattern = fields.data.schedule;
  try {
    checkPattern(pattern, scheduleZone(pattern, undefined, "UTC"));
  } catch (err) {
    if (!(err instanceof AppError && err.fields)) throw err;
    for (const messages of Object.values(err.fields))
      for (const m of messages as string[]) issues.add(["spec", "schedule"], m);
  }
  const where = `${meta.namespace ? `${meta.namespace}/` : ""}${meta.name}`;
  return {
    source: "chaos-mesh-schedule",
    experiment: experimentFor(meta.name, `Imported from the Chaos Mesh Schedule ${where}.`, def, meta.namespace, chaos),
    schedule: {
      recurrence_pattern: pattern,
      recurrence_count: null,
      parameters: {},
      metadata: {},
      ticket: {},
      guards: [],
      concurrency_policy: fields.data.concurrencyPolicy === "Allow" ? "Allow" : "Forbid",
      history_limit: fields.data.historyLimit ?? null,
      starting_deadline_seconds: fields.data.startingDeadlineSeconds ?? null,
      paused: meta.paused,
    },
  };
}

export function fromChaosObject(doc: Doc, def: KindDef, issues: Issues): Plan {
  const meta = readMetadata(doc, issues);
  if (!isObject(doc.spec)) issues.add(["spec"], "spec is required");
  const chaos = readSpec(def, doc.spec, ["spec"], issues);
  const where = `${meta.namespace ? `${meta.namespace}/` : ""}${meta.name}`;
  return {
    source: "chaos-mesh-object",
    experiment: experimentFor(
      meta.name,
      `Imported from the Chaos Mesh ${def.kind} ${where}.`,
      def,
      meta.namespace,
      chaos,
    ),
    schedule: null,
  };
}
