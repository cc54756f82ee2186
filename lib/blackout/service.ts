/**
 * Blackout windows: when no chaos may start. Global windows are the admins'; an experiment's own
 * windows are its operators'. The scheduler, the trial API and the runner ask `openFor` before a
 * trial starts; the answer names the window, which the trial's reason then carries.
 */
import type { Conn, DB } from "@/db/client";
import type { BlackoutWindow, NewBlackoutWindow, Role } from "@/db/schema";
import { AppError, fieldError, notFound } from "@/lib/api/errors";
import { isoTime } from "@/lib/api/time";
import { recordAudit } from "@/lib/audit/service";
import { hasRole } from "@/lib/auth/roles";
import { ExperimentRepo } from "@/lib/experiments/repo";
import { isUuid, newId } from "@/lib/ids";
import { checkPattern } from "@/lib/schedules/timing";
import { describeWindow, nextOpening, type Opening, openWindow, openingAt } from "./evaluate";
import { BlackoutRepo } from "./repo";
import type { CreateWindowInput, PatchWindowInput, WindowOut } from "./schemas";

type Actor = { actor: string; role: Role };

const auditView = (w: BlackoutWindow) => ({
  name: w.name,
  experiment: w.experimentId,
  kind: w.kind,
  cron: w.cron,
  duration_seconds: w.durationSeconds,
  timezone: w.timezone,
  starts_at: w.startsAt,
  ends_at: w.endsAt,
  on_running: w.onRunning,
});

/** The window open for an experiment at `at` (global windows included), or null. */
export async function openFor(db: Conn, experimentId: string | null, at: number): Promise<Opening | null> {
  return openWindow(await new BlackoutRepo(db).holding(experimentId), at);
}

/**
 * For previews and calendars: given every live window, the name of the one that would hold a run
 * of `experimentId` at `at`, or null.
 */
export async function blackoutNamer(db: Conn): Promise<(experimentId: string | null, at: number) => string | null> {
  const all = await new BlackoutRepo(db).list();
  return (experimentId, at) =>
    openWindow(
      all.filter((w) => w.experimentId === null || w.experimentId === experimentId),
      at,
    )?.window.name ?? null;
}

export function toPublicWindow(w: BlackoutWindow, now = Date.now()): WindowOut {
  return {
    id: w.id,
    name: w.name,
    experiment: w.experimentId,
    kind: w.kind,
    cron: w.cron,
    duration_seconds: w.durationSeconds,
    timezone: w.timezone,
    starts_at: isoTime(w.startsAt),
    ends_at: isoTime(w.endsAt),
    on_running: w.onRunning,
    description: describeWindow(w),
    open_now: openingAt(w, now) !== null,
    next_opens_at: isoTime(nextOpening(w, now)),
    created_by: w.createdBy,
    created_at: isoTime(w.createdAt) as string,
    updated_at: isoTime(w.updatedAt) as string,
  };
}

/** The rule's fields as stored, checked as a whole (a recurring window needs cron and duration, …). */
function rule(w: Omit<NewBlackoutWindow, "id" | "createdBy">): Omit<NewBlackoutWindow, "id" | "createdBy"> {
  if (w.kind === "recurring") {
    if (!w.cron) throw fieldError("cron", "A recurring window needs a cron pattern for when it opens.");
    if (!w.durationSeconds) throw fieldError("duration_seconds", "A recurring window needs a duration.");
    if (w.cron.trim().startsWith("@every")) throw fieldError("cron", "Use a cron pattern or an @nickname, not @every.");
    checkPattern(w.cron, w.timezone ?? "UTC", "cron");
    return { ...w, startsAt: null, endsAt: null };
  }
  if (w.startsAt == null) throw fieldError("starts_at", "A fixed window needs starts_at.");
  if (w.endsAt == null) throw fieldError("ends_at", "A fixed window needs ends_at.");
  if (w.endsAt <= w.startsAt) throw fieldError("ends_at", "ends_at must be after starts_at.");
  return { ...w, cron: null, durationSeconds: null };
}

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

export class BlackoutService {
  private readonly repo: BlackoutRepo;

  constructor(private readonly db: DB) {
    this.repo = new BlackoutRepo(db);
  }

  list(experimentId?: string): Promise<BlackoutWindow[]> {
    return this.repo.list(experimentId);
  }

  async get(id: string): Promise<BlackoutWindow> {
    const row = isUuid(id) ? await this.repo.findLive(id) : null;
    if (!row) throw notFound();
    return row;
  }

  async create(input: CreateWindowInput, by: Actor): Promise<BlackoutWindow> {
    if (input.experiment !== null && !(await new ExperimentRepo(this.db).findLive(input.experiment))) {
      throw fieldError("experiment", `Invalid pk "${input.experiment}" - object does not exist.`);
    }
    this.mayChange(input.experiment, by);
    const values = rule({
      name: input.name,
      experimentId: input.experiment,
      kind: input.kind,
      cron: input.cron ?? null,
      durationSeconds: input.duration_seconds ?? null,
      timezone: input.timezone,
      startsAt: ms(input.starts_at) ?? null,
      endsAt: ms(input.ends_at) ?? null,
      onRunning: input.on_running,
    });
    return this.db.transaction(async (tx) => {
      const created = await new BlackoutRepo(tx).insert({ id: newId(), createdBy: by.actor, ...values });
      await recordAudit(tx, {
        actor: by.actor,
        action: "blackout.create",
        targetType: "blackout_window",
        targetId: created.id,
        after: auditView(created),
      });
      return created;
    });
  }

  update(id: string, input: PatchWindowInput, by: Actor): Promise<BlackoutWindow> {
    return this.db.transaction(async (tx) => {
      const repo = new BlackoutRepo(tx);
      const current = isUuid(id) ? await repo.findLive(id) : null;
      if (!current) throw notFound();
      this.mayChange(current.experimentId, by);
      const { id: _id, createdAt: _c, updatedAt: _u, createdBy: _b, deletedAt: _d, ...was } = current;
      const next = rule({
        ...was,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.cron !== undefined ? { cron: input.cron } : {}),
        ...(input.duration_seconds !== undefined ? { durationSeconds: input.duration_seconds } : {}),
        ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
        ...(input.starts_at !== undefined ? { startsAt: ms(input.starts_at) } : {}),
        ...(input.ends_at !== undefined ? { endsAt: ms(input.ends_at) } : {}),
        ...(input.on_running !== undefined ? { onRunning: input.on_running } : {}),
      });
      const updated = await repo.update(id, next);
      await recordAudit(tx, {
        actor: by.actor,
        action: "blackout.update",
        targetType: "blackout_window",
        targetId: id,
        before: auditView(current),
        after: auditView(updated),
      });
      return updated;
    });
  }

  async delete(id: string, by: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const repo = new BlackoutRepo(tx);
      const current = isUuid(id) ? await repo.findLive(id) : null;
      if (!current) throw notFound();
      this.mayChange(current.experimentId, by);
      await repo.update(id, { deletedAt: Date.now() });
      await recordAudit(tx, {
        actor: by.actor,
        action: "blackout.delete",
        targetType: "blackout_window",
        targetId: id,
      });
    });
  }

  /** Global windows hold every team's chaos: only admins set them. */
  private mayChange(experimentId: string | null, by: Actor): void {
    if (experimentId === null && !hasRole(by.role, "admin")) {
      throw new AppError("forbidden", "Only an admin may change a global blackout window.");
    }
  }
}
