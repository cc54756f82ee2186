import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { experiments, trials } from "@/db/tables";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import type { TrialRecords } from "@/lib/trials/records";
import type { TrialSummary } from "./observers";

/** What observers receive about a finished trial: its outcome and a line per step, secrets masked. */
export async function trialSummary(db: DB, trialId: string): Promise<TrialSummary | null> {
  const [t] = await db.select().from(trials).where(eq(trials.id, trialId)).limit(1);
  if (!t) return null;
  const [e] = await db
    .select({ id: experiments.id, name: experiments.name })
    .from(experiments)
    .where(eq(experiments.id, t.experimentId))
    .limit(1);
  const records = t.records as TrialRecords;
  const steps = (["pre_steps", "steps", "post_steps"] as const).flatMap((list) =>
    (records[list] ?? []).map((s) => ({
      list,
      step_name: s.step_name,
      do: s.do,
      status: s.status,
      started_at: s.started_at,
      ended_at: s.ended_at,
    })),
  );
  return maskSecrets({
    event: "trial.completed",
    trial: {
      id: t.id,
      experiment: { id: t.experimentId, name: e?.name ?? "" },
      schedule: t.scheduleId,
      status: t.status,
      status_reason: t.statusReason,
      scheduled_for: isoTime(t.scheduledFor),
      executed_at: isoTime(t.executedAt),
      completed_at: isoTime(t.completedAt),
      initiated_by: t.initiatedBy,
      steps,
    },
  });
}
