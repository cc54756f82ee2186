/**
 * An experiment as Chaos Mesh writes it, where it can be one: a single chaosmesh step (nothing before
 * or after it, no expectations, no parameters) with one schedule becomes a `kind: Schedule`; with no
 * schedule, the bare chaos object. Everything else is refused with every reason why, Chaos Mesh's
 * 57-character limit on a Schedule's name included. Connection arguments (the cluster, credentials)
 * and Eris's own (name prefix, timeouts) are not part of the object and are left out.
 */
import type { Experiment, Schedule } from "@/db/schema";
import { maskSecrets } from "@/lib/credentials/mask";
import { ERIS_KEYS } from "@/lib/modules/chaosmesh/lifecycle";
import { KINDS } from "@/lib/modules/chaosmesh/kinds";
import { API_VERSION, PAUSE_ANNOTATION } from "@/lib/modules/chaosmesh/objects";
import { patternZone } from "@/lib/schedules/pattern";

/** Chaos Mesh appends 6 characters to the objects a Schedule creates (a name is at most 63). */
export const SCHEDULE_NAME_MAX = 57;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const PLACEHOLDER = /\{\{.*?\}\}/;

export type ChaosMeshExport = { document: Record<string, unknown> } | { reasons: string[] };

export function toChaosMesh(e: Experiment, schedules: Schedule[]): ChaosMeshExport {
  const reasons: string[] = [];
  const step = e.steps[0];
  const def = step && KINDS.find((k) => step.do === `chaosmesh.${k.action}` || step.do === `chaosmesh.${k.kind}`);
  if (e.preSteps.length || e.postSteps.length) {
    reasons.push("it has pre_steps or post_steps: a Chaos Mesh Schedule runs one chaos object and nothing around it");
  }
  if (e.guards.length) reasons.push("it has guards: Chaos Mesh watches nothing while the fault is on");
  if (e.steps.length !== 1) reasons.push(`it has ${e.steps.length} steps: a Chaos Mesh Schedule holds exactly one`);
  else if (!def)
    reasons.push(`its step runs ${step.do}, not a Chaos Mesh kind (chaosmesh.network_chaos, chaosmesh.pod_chaos, …)`);
  if (step?.expect?.length) reasons.push("its step has expectations: Chaos Mesh checks none");
  if (step && PLACEHOLDER.test(JSON.stringify(step.where)))
    reasons.push("its step uses {{ parameters }}: Chaos Mesh has none");
  if (schedules.length > 1) reasons.push(`it has ${schedules.length} schedules: a Chaos Mesh Schedule has one pattern`);
  const schedule = schedules[0];
  const name = e.name;
  if (!K8S_NAME.test(name) || name.length > 253) {
    reasons.push(`its name "${name}" is not a Kubernetes object name (lower-case letters, digits, '-' and '.')`);
  } else if (schedule && name.length > SCHEDULE_NAME_MAX) {
    reasons.push(
      `its name is ${name.length} characters long: Chaos Mesh allows at most ${SCHEDULE_NAME_MAX} for a Schedule (it adds 6 to every object it creates)`,
    );
  }
  if (schedule) reasons.push(...scheduleReasons(schedule));
  if (reasons.length || !def) return { reasons };

  // As every answer: a value under a key that looks like a credential reads back masked.
  const where = maskSecrets(step.where) as Record<string, unknown>;
  const spec = Object.fromEntries(Object.entries(where).filter(([k]) => !ERIS_KEYS.has(k) && k !== "credentials"));
  const namespace = typeof where.namespace === "string" ? where.namespace : undefined;
  const metadata = (paused: boolean) => ({
    name,
    ...(namespace ? { namespace } : {}),
    ...(paused ? { annotations: { [PAUSE_ANNOTATION]: "true" } } : {}),
  });
  if (!schedule) return { document: { apiVersion: API_VERSION, kind: def.kind, metadata: metadata(false), spec } };
  return {
    document: {
      apiVersion: API_VERSION,
      kind: "Schedule",
      metadata: metadata(schedule.paused),
      spec: {
        schedule: patternOf(schedule),
        ...(schedule.historyLimit !== null ? { historyLimit: schedule.historyLimit } : {}),
        concurrencyPolicy: schedule.concurrencyPolicy,
        ...(schedule.startingDeadlineSeconds !== null
          ? { startingDeadlineSeconds: schedule.startingDeadlineSeconds }
          : {}),
        type: def.kind,
        [def.scheduleKey]: spec,
      },
    },
  };
}

function scheduleReasons(s: Schedule): string[] {
  const out: string[] = [];
  if (s.concurrencyPolicy === "Replace")
    out.push("its schedule's concurrency_policy is Replace: Chaos Mesh knows Forbid and Allow");
  if (s.recurrenceCount !== null)
    out.push(`its schedule stops after ${s.recurrenceCount} runs: a Chaos Mesh Schedule never stops`);
  if (Object.keys(s.parameters).length) out.push("its schedule sets parameters: Chaos Mesh has none");
  const fields = s.recurrencePattern
    .replace(/^(CRON_TZ|TZ)=\S+\s+/, "")
    .trim()
    .split(/\s+/);
  if (fields.length === 7) out.push("its pattern has a year field: robfig/cron (Chaos Mesh's parser) has none");
  return out;
}

/** The schedule's zone travels in the pattern (CRON_TZ=), as robfig/cron reads it; UTC needs none. */
function patternOf(s: Schedule): string {
  if (patternZone(s.recurrencePattern) !== null || s.timezone === "UTC") return s.recurrencePattern;
  return `CRON_TZ=${s.timezone} ${s.recurrencePattern}`;
}
