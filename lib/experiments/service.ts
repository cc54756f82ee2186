import type { DB, Tx } from "@/db/client";
import type { Experiment, ExperimentRevision, NewExperiment } from "@/db/schema";
import { notFound } from "@/lib/api/errors";
import type { Page } from "@/lib/api/paging";
import { recordAudit } from "@/lib/audit/service";
import { restoreMasked } from "@/lib/credentials/mask";
import { isUuid, newId } from "@/lib/ids";
import { experimentAnswer, experimentListAnswer } from "./answers";
import { normaliseGuard, normaliseStep } from "./present";
import { type ExperimentFilter, ExperimentRepo } from "./repo";
import type { CreateExperimentInput, StepInput, UpdateExperimentInput } from "./schemas";

const steps = (list: StepInput[]) => list.map(normaliseStep);

/** The fields an audit entry compares. */
const auditView = (e: Experiment) => ({
  name: e.name,
  description: e.description,
  metadata: e.metadata,
  parameters: e.parameters,
  pre_steps: e.preSteps,
  steps: e.steps,
  post_steps: e.postSteps,
  guards: e.guards,
});

/** True when applying `patch` would leave every field of the definition as it is. */
function isSameDefinition(current: Experiment, patch: Partial<NewExperiment>): boolean {
  return JSON.stringify(auditView(current)) === JSON.stringify(auditView({ ...current, ...patch }));
}

/**
 * A new experiment, its revision 1 and its audit entry, inside the caller's transaction (an import
 * creates a schedule with it in the same one).
 */
export async function insertExperiment(
  tx: Tx,
  input: CreateExperimentInput,
  actor: string,
  action = "experiment.create",
): Promise<Experiment> {
  const created = await new ExperimentRepo(tx).insert(
    {
      id: newId(),
      name: input.name,
      description: input.description,
      metadata: input.metadata,
      parameters: input.parameters,
      preSteps: steps(input.pre_steps),
      steps: steps(input.steps),
      postSteps: steps(input.post_steps),
      guards: input.guards.map(normaliseGuard),
      createdBy: actor,
    },
    actor,
  );
  await recordAudit(tx, { actor, action, targetType: "experiment", targetId: created.id, after: auditView(created) });
  return created;
}

export class ExperimentService {
  private readonly repo: ExperimentRepo;

  constructor(private readonly db: DB) {
    this.repo = new ExperimentRepo(db);
  }

  create(input: CreateExperimentInput, actor: string): Promise<Experiment> {
    return this.db.transaction((tx) => insertExperiment(tx, input, actor));
  }

  /** Any experiment, deleted ones included (Kallisti's detail view); 404 for unknown or malformed ids. */
  async get(id: string): Promise<Experiment> {
    const row = isUuid(id) ? await this.repo.findById(id) : null;
    if (!row) throw notFound();
    return row;
  }

  list(page: Page, filter: ExperimentFilter = {}) {
    return this.repo.listLive(page, filter);
  }

  /** The list as cached public JSON with its ETag (see answers.ts). */
  listAnswer(page: Page, filter: ExperimentFilter = {}) {
    return experimentListAnswer(this.db, page, filter);
  }

  /** One experiment as cached public JSON with its ETag; 404 as `get`. */
  async answer(id: string) {
    const version = isUuid(id) ? await this.repo.findVersion(id) : null;
    if (!version) throw notFound();
    return experimentAnswer(version, () => this.get(id));
  }

  /** One revision by number; 404 for an unknown experiment or revision. */
  async revision(id: string, revision: string): Promise<ExperimentRevision> {
    const n = /^\d{1,9}$/.test(revision) ? Number(revision) : null;
    const row = n !== null && isUuid(id) ? await this.repo.findRevision(id, n) : null;
    if (!row) throw notFound();
    return row;
  }

  /** Every definition the experiment has had, newest first (deleted experiments included). */
  async revisions(id: string, page: Page) {
    await this.get(id);
    return this.repo.listRevisions(id, page);
  }

  /**
   * PUT and PATCH: omitted fields keep their stored values. A client that sends back a masked
   * secret (`*****`) keeps the stored secret.
   */
  update(id: string, input: UpdateExperimentInput, actor: string): Promise<Experiment> {
    return this.db.transaction(async (tx) => {
      const repo = new ExperimentRepo(tx);
      const current = isUuid(id) ? await repo.findById(id) : null;
      if (!current) throw notFound();
      const patch: Partial<NewExperiment> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (input.metadata !== undefined) patch.metadata = restoreMasked(input.metadata, current.metadata);
      if (input.parameters !== undefined) patch.parameters = restoreMasked(input.parameters, current.parameters);
      if (input.pre_steps !== undefined) patch.preSteps = restoreMasked(steps(input.pre_steps), current.preSteps);
      if (input.steps !== undefined) patch.steps = restoreMasked(steps(input.steps), current.steps);
      if (input.post_steps !== undefined) patch.postSteps = restoreMasked(steps(input.post_steps), current.postSteps);
      if (input.guards !== undefined) patch.guards = restoreMasked(input.guards.map(normaliseGuard), current.guards);
      // A write that changes nothing makes no revision (and drizzle refuses an UPDATE without values).
      if (isSameDefinition(current, patch)) return current;
      const updated = (await repo.update(id, patch, actor)) as Experiment;
      await recordAudit(tx, {
        actor,
        action: "experiment.update",
        targetType: "experiment",
        targetId: id,
        before: auditView(current),
        after: auditView(updated),
      });
      return updated;
    });
  }

  /** Soft delete, cascading to the experiment's schedules; deleting again moves `deleted_at` forward. */
  async delete(id: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const repo = new ExperimentRepo(tx);
      if (!(isUuid(id) && (await repo.findById(id)))) throw notFound();
      await repo.softDeleteWithSchedules(id, Date.now());
      await recordAudit(tx, { actor, action: "experiment.delete", targetType: "experiment", targetId: id });
    });
  }
}
