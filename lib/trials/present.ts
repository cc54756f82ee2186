import type { Trial } from "@/db/schema";
import { isoTime } from "@/lib/api/time";
import { maskSecrets } from "@/lib/credentials/mask";
import { SecretSet } from "@/lib/credentials/secrets";
import { publicRecords, type TrialRecords } from "./records";
import type { TrialOut } from "./schemas";

/** Kallisti's eleven keys in Kallisti's order, then Eris's extensions. */
export function toPublicTrial(t: Trial): TrialOut {
  // A secret parameter's value is masked wherever it appears, under any key (records were masked
  // by the runner as it wrote them).
  const secrets = new SecretSet();
  secrets.addByKeyName(t.parameters);
  return secrets.mask(
    maskSecrets({
      id: t.id,
      experiment: t.experimentId,
      metadata: t.metadata,
      parameters: t.parameters,
      ticket: t.ticket,
      trial_record: publicRecords(t.records as TrialRecords),
      status: t.status,
      executed_at: isoTime(t.executedAt),
      completed_at: isoTime(t.completedAt),
      initiated_by: t.initiatedBy,
      initiated_from: t.initiatedFrom,
      schedule: t.scheduleId,
      scheduled_for: isoTime(t.scheduledFor) as string,
      status_reason: t.statusReason,
      created_at: isoTime(t.createdAt) as string,
      experiment_revision: t.experimentRevision,
      guards: t.guards,
      guard_record: t.guardRecord,
      blackout_override: t.blackoutOverride,
    }),
  );
}
