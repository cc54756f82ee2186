/**
 * Recording what happened into the stored metrics. Called inside the transaction that made it
 * happen where there is one (a trial's final status), so a counter can never miss or repeat an event.
 */
import type { Conn, DB } from "@/db/client";
import type { Firing } from "@/lib/schedules/scheduler";
import type { TrialRecords } from "@/lib/trials/records";
import {
  FIRING_LAG,
  GUARD_TRIPS,
  type Labels,
  STEP_DURATION,
  type StoredHistogram,
  TRIAL_DURATION,
  TRIALS_ENDED,
  labelKey,
} from "./catalogue";
import { type SeriesIncrement, addToSeries } from "./repo";

/** The rows one observation adds to a histogram: every bucket it falls in, +Inf, the sum, the count. */
export function observation(h: StoredHistogram, labels: Labels, value: number): SeriesIncrement[] {
  const rows = h.buckets
    .filter((le) => value <= le)
    .map((le) => ({ name: `${h.name}_bucket`, labels: labelKey({ ...labels, le: String(le) }), value: 1 }));
  rows.push({ name: `${h.name}_bucket`, labels: labelKey({ ...labels, le: "+Inf" }), value: 1 });
  rows.push({ name: `${h.name}_sum`, labels: labelKey(labels), value });
  rows.push({ name: `${h.name}_count`, labels: labelKey(labels), value: 1 });
  return rows;
}

export type TrialEnd = {
  experimentId: string;
  status: string;
  executedAt: number | null;
  completedAt: number | null;
  records?: TrialRecords;
  guardRecord?: Record<string, unknown>;
};

const PHASES = ["pre_steps", "steps", "post_steps"] as const;

/** A trial reached its final status: count it, and observe its duration and its steps' if it ran. */
export async function recordTrialEnd(tx: Conn, t: TrialEnd): Promise<void> {
  const rows: SeriesIncrement[] = [
    { name: TRIALS_ENDED.name, labels: labelKey({ experiment_id: t.experimentId, status: t.status }), value: 1 },
  ];
  if (t.executedAt !== null && t.completedAt !== null) {
    const seconds = Math.max(0, t.completedAt - t.executedAt) / 1000;
    rows.push(...observation(TRIAL_DURATION, { experiment_id: t.experimentId }, seconds));
  }
  for (const phase of PHASES) {
    for (const step of t.records?.[phase] ?? []) {
      if (!step.started_at || !step.ended_at) continue;
      const seconds = Math.max(0, Date.parse(step.ended_at) - Date.parse(step.started_at)) / 1000;
      if (!Number.isFinite(seconds)) continue;
      const labels = { phase, action: step.do ?? "unknown", status: step.status ?? "unknown" };
      rows.push(...observation(STEP_DURATION, labels, seconds));
    }
  }
  const tripped = (t.guardRecord?.tripped as { name?: string } | null | undefined)?.name;
  if (tripped) rows.push(guardTrip("trial", tripped));
  await addToSeries(tx, rows);
}

const guardTrip = (scope: "trial" | "global", guard: string): SeriesIncrement => ({
  name: GUARD_TRIPS.name,
  labels: labelKey({ scope, guard }),
  value: 1,
});

/** A global guard tripped (and set the signal). */
export async function recordGlobalGuardTrip(conn: Conn, guard: string): Promise<void> {
  await addToSeries(conn, [guardTrip("global", guard)]);
}

/** How late each fired slot was turned into a trial (or a Skipped record). */
export async function recordFirings(db: DB, firings: Firing[], now: number): Promise<void> {
  if (!firings.length) return;
  await db.transaction(async (tx) => {
    for (const f of firings) {
      await addToSeries(tx, observation(FIRING_LAG, { outcome: f.status }, (now - f.slot) / 1000));
    }
  });
}
