import type { DB } from "@/db/client";
import type { Trial } from "@/db/schema";
import { fieldError, notFound } from "@/lib/api/errors";
import type { Page } from "@/lib/api/paging";
import { ExperimentRepo } from "@/lib/experiments/repo";
import { isUuid } from "@/lib/ids";
import { TrialLifecycle } from "./lifecycle";
import { TrialRepo } from "./repo";
import type { CreateTrialInput, TrialFilters } from "./schemas";

export class TrialService {
  private readonly repo: TrialRepo;
  private readonly lifecycle: TrialLifecycle;

  constructor(private readonly db: DB) {
    this.repo = new TrialRepo(db);
    this.lifecycle = new TrialLifecycle(db);
  }

  /**
   * Queues a run of the experiment's current revision (Skipped while the signal is STOP). Metadata
   * is merged over the experiment's.
   */
  async create(input: CreateTrialInput, actor: string): Promise<Trial> {
    if (!isUuid(input.experiment)) {
      throw fieldError("experiment", `“${input.experiment}” is not a valid UUID.`);
    }
    const experiment = new ExperimentRepo(this.db).findLive(input.experiment);
    if (!experiment) {
      throw fieldError("experiment", `Invalid pk "${input.experiment}" - object does not exist.`);
    }
    return this.lifecycle.enqueue(
      {
        experimentId: experiment.id,
        revision: experiment.revision,
        parameters: input.parameters,
        metadata: { ...experiment.metadata, ...input.metadata },
        ticket: input.ticket,
        initiatedFrom: input.initiated_from,
      },
      actor,
    );
  }

  /** Any trial by id, trials of deleted experiments included. */
  get(id: string): Trial {
    const row = isUuid(id) ? this.repo.findById(id) : null;
    if (!row) throw notFound();
    return row;
  }

  /** Changes whenever the trial changes; null once it is gone (see TrialRepo.changeMark). */
  changeMark(id: string): string | null {
    return isUuid(id) ? this.repo.changeMark(id) : null;
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

  /** Kallisti's stop: see TrialLifecycle.requestStop. */
  stop(id: string, actor: string): Promise<Trial> {
    return this.lifecycle.requestStop(id, actor);
  }
}
