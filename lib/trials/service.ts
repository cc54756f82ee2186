import type { DB } from "@/db/client";
import type { Role, Trial } from "@/db/schema";
import { AppError, fieldError, notFound } from "@/lib/api/errors";
import { hasRole } from "@/lib/auth/roles";
import { normaliseGuard } from "@/lib/experiments/present";
import type { Page } from "@/lib/api/paging";
import { ExperimentRepo } from "@/lib/experiments/repo";
import { isUuid } from "@/lib/ids";
import type { Toolbox } from "@/lib/modules/registry";
import { TrialLifecycle } from "./lifecycle";
import { type Plan, planTrial } from "./plan";
import { type ExperimentStats, experimentStats } from "./score";
import { type TrialQuery, TrialRepo } from "./repo";
import { trialAnswer, trialListAnswer } from "./answers";
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
  async create(input: CreateTrialInput, actor: string, role: Role = "operator"): Promise<Trial> {
    if (input.override_blackout !== undefined && !hasRole(role, "admin")) {
      throw new AppError("forbidden", "Only an admin may start a trial inside a blackout window.");
    }
    const experiment = await this.liveExperiment(input.experiment);
    return this.lifecycle.enqueue(
      {
        experimentId: experiment.id,
        revision: experiment.revision,
        parameters: input.parameters,
        metadata: { ...experiment.metadata, ...input.metadata },
        ticket: input.ticket,
        initiatedFrom: input.initiated_from,
        guards: input.guards.map(normaliseGuard),
        overrideBlackout: input.override_blackout,
      },
      actor,
    );
  }

  /** A dry run: the resolved plan and every problem the trial would meet; nothing runs or is stored. */
  async plan(input: CreateTrialInput, toolbox: Toolbox): Promise<Plan> {
    const experiment = await this.liveExperiment(input.experiment);
    return planTrial(this.db, toolbox, experiment, {
      parameters: input.parameters,
      guards: input.guards.map(normaliseGuard),
      overrideBlackout: input.override_blackout,
    });
  }

  private async liveExperiment(id: string) {
    if (!isUuid(id)) throw fieldError("experiment", `“${id}” is not a valid UUID.`);
    const experiment = await new ExperimentRepo(this.db).findLive(id);
    if (!experiment) throw fieldError("experiment", `Invalid pk "${id}" - object does not exist.`);
    return experiment;
  }

  /** The experiment's resilience score and its trend (see score.ts). */
  stats(experimentId: string): Promise<ExperimentStats> {
    return experimentStats(this.db, experimentId);
  }

  /** Any trial by id, trials of deleted experiments included. */
  async get(id: string): Promise<Trial> {
    const row = isUuid(id) ? await this.repo.findById(id) : null;
    if (!row) throw notFound();
    return row;
  }

  /** One trial (of a deleted experiment too) as cached public JSON with its ETag; 404 as `get`. */
  async answer(id: string) {
    const version = isUuid(id) ? await this.repo.findVersion(id) : null;
    if (!version) throw notFound();
    return trialAnswer(version, () => this.get(id));
  }

  /** The list as cached public JSON with its ETag and the next cursor (see answers.ts). */
  listAnswer(filters: TrialFilters, page: Page) {
    return trialListAnswer(this.db, this.query(filters), page);
  }

  /** Changes whenever the trial changes; null once it is gone (see TrialRepo.changeMark). */
  async changeMark(id: string): Promise<string | null> {
    return isUuid(id) ? this.repo.changeMark(id) : null;
  }

  list(filters: TrialFilters, page: Page) {
    return this.repo.listLive(this.query(filters), page);
  }

  private query(filters: TrialFilters): TrialQuery {
    return {
      experimentId: filters.experiment,
      scheduleId: filters.schedule,
      status: filters.status,
      since: filters.since ? Date.parse(filters.since) : undefined,
      until: filters.until ? Date.parse(filters.until) : undefined,
    };
  }

  /** Kallisti's stop: see TrialLifecycle.requestStop. */
  stop(id: string, actor: string): Promise<Trial> {
    return this.lifecycle.requestStop(id, actor);
  }
}
