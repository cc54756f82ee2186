import type { DB } from "@/db/client";
import type { Trial } from "@/db/schema";
import { AppError, fieldError, notFound } from "@/lib/api/errors";
import type { Page } from "@/lib/api/paging";
import { ExperimentRepo } from "@/lib/experiments/repo";
import { recordAudit } from "@/lib/audit/service";
import { isUuid, newId } from "@/lib/ids";
import { describeStop, readSignal } from "@/lib/signal/service";
import { logLine, type TrialRecords, withResult } from "./records";
import { TrialRepo } from "./repo";
import type { CreateTrialInput, TrialFilters } from "./schemas";

export const ACTIVE_STATUSES: Trial["status"][] = ["Scheduled", "In Progress"];

export class TrialService {
  private readonly repo: TrialRepo;

  constructor(private readonly db: DB) {
    this.repo = new TrialRepo(db);
  }

  /** Records a trial as `Scheduled`; the runner executes it. Metadata is merged over the experiment's. */
  create(input: CreateTrialInput, actor: string): Trial {
    if (!isUuid(input.experiment)) {
      throw fieldError("experiment", `“${input.experiment}” is not a valid UUID.`);
    }
    const experiment = new ExperimentRepo(this.db).findLive(input.experiment);
    if (!experiment) {
      throw fieldError("experiment", `Invalid pk "${input.experiment}" - object does not exist.`);
    }
    const now = Date.now();
    // While the global signal is STOP nothing new runs: the trial is recorded as Skipped, with why.
    const signal = readSignal(this.db);
    const skipped = signal.state === "STOP" ? `signal STOP: ${describeStop(signal)}` : null;
    const trial = this.repo.insert({
      id: newId(),
      experimentId: experiment.id,
      parameters: input.parameters,
      metadata: { ...experiment.metadata, ...input.metadata },
      ticket: input.ticket,
      status: skipped ? "Skipped" : "Scheduled",
      statusReason: skipped,
      completedAt: skipped ? now : null,
      records: skipped ? withResult({}, logLine("INFO", `Trial Skipped: ${skipped}.`, now)) : {},
      initiatedBy: actor,
      initiatedFrom: input.initiated_from,
      scheduledFor: now,
      createdAt: now,
    });
    recordAudit(this.db, {
      actor,
      action: "trial.create",
      targetType: "trial",
      targetId: trial.id,
      after: { experiment: trial.experimentId, parameters: trial.parameters, status: trial.status },
    });
    return trial;
  }

  /** Any trial by id, trials of deleted experiments included. */
  get(id: string): Trial {
    const row = isUuid(id) ? this.repo.findById(id) : null;
    if (!row) throw notFound();
    return row;
  }

  list(filters: TrialFilters, page: Page) {
    return this.repo.listLive(
      {
        experimentId: filters.experiment,
        scheduleId: filters.schedule,
        status: filters.status,
        since: filters.since ? Date.parse(filters.since) : undefined,
        until: filters.until ? Date.parse(filters.until) : undefined,
      },
      page,
    );
  }

  /**
   * Kallisti's stop contract (200 / 403 `{"message"}` / 404) with a stop that really stops: a queued
   * trial ends `Stopped` at once without running; a running one is marked `Stop Initiated` and the
   * runner aborts its current step, runs post_steps and records `Stopped`. Repeating a stop is a 200.
   */
  stop(id: string, actor: string): Trial {
    return this.db.transaction((tx) => {
      const repo = new TrialRepo(tx);
      const trial = isUuid(id) ? repo.findLive(id) : null;
      if (!trial) throw notFound();
      if (trial.status === "Stop Initiated" || trial.status === "Stopped") return trial;
      const now = Date.now();
      if (trial.status === "Scheduled") {
        const reason = `stopped by ${actor} before it started`;
        const records = withResult(
          trial.records as TrialRecords,
          logLine("INFO", `Trial Stopped. Stopped by ${actor} before it started.`, now),
        );
        const stopped = repo.transition(id, ["Scheduled"], {
          status: "Stopped",
          statusReason: reason,
          stopRequestedBy: actor,
          completedAt: now,
          records,
        });
        if (stopped) {
          recordAudit(tx, {
            actor,
            action: "trial.stop",
            targetType: "trial",
            targetId: id,
            before: { status: "Scheduled" },
            after: { status: "Stopped" },
          });
          return stopped;
        }
      }
      const initiated = repo.transition(id, ["Scheduled", "In Progress"], {
        status: "Stop Initiated",
        stopRequestedBy: actor,
      });
      if (initiated) {
        recordAudit(tx, {
          actor,
          action: "trial.stop",
          targetType: "trial",
          targetId: id,
          before: { status: trial.status },
          after: { status: "Stop Initiated" },
        });
        return initiated;
      }
      throw new AppError("forbidden", "Trial has either not started or already set to stop.", {
        body: { message: "Trial has either not started or already set to stop." },
      });
    });
  }
}
