/**
 * Runner health for people and monitors: who holds the lease, how fresh its heartbeat is, how often
 * the supervisor restarted it, and the trial it is running. The public /health route stays
 * `{"status": "up"}` whatever the runner does, so a container health check never restarts the web
 * server because of the runner.
 */
import { z } from "zod";
import type { DB } from "@/db/client";
import { databaseNow } from "@/db/clock";
import { isoTime } from "@/lib/api/time";
import { TrialRepo } from "@/lib/trials/repo";
import { currentLease } from "./lease";

export const runnerStatusSchema = z.object({
  active: z.boolean().describe("A runner holds the lease (its heartbeat has not expired)."),
  holder: z.string().nullable().describe("The runner holding the lease, or the last one that did."),
  epoch: z.number().int().describe("Grows at every takeover; 0 before any runner started."),
  acquired_at: z.string().nullable(),
  heartbeat_at: z.string().nullable(),
  heartbeat_age_ms: z.number().int().nullable(),
  expires_at: z.string().nullable(),
  restarts: z.number().int().describe("Times the supervisor restarted the runner since `npm start`."),
  running_trial: z.uuid().nullable().describe("The trial the runner is executing or rolling back."),
});
export type RunnerStatus = z.infer<typeof runnerStatusSchema>;

export async function runnerStatus(db: DB, at?: number): Promise<RunnerStatus> {
  const lease = await currentLease(db);
  const now = at ?? (await databaseNow(db));
  if (!lease) {
    return {
      active: false,
      holder: null,
      epoch: 0,
      acquired_at: null,
      heartbeat_at: null,
      heartbeat_age_ms: null,
      expires_at: null,
      restarts: 0,
      running_trial: null,
    };
  }
  const active = lease.expiresAt > now;
  return {
    active,
    holder: lease.holder,
    epoch: lease.epoch,
    acquired_at: isoTime(lease.acquiredAt),
    heartbeat_at: isoTime(lease.heartbeatAt),
    heartbeat_age_ms: Math.max(0, now - lease.heartbeatAt),
    expires_at: isoTime(lease.expiresAt),
    restarts: lease.restarts,
    running_trial: await new TrialRepo(db).runningUnder(lease.holder, lease.epoch),
  };
}
