/**
 * A reproducible stream of writes to `trials` (inserts, status changes, moves between experiments
 * and days, unrelated updates, deletes) applied alike to a SQLite and a PostgreSQL database, to
 * check that both databases' triggers keep trial_counts and trial_days the same.
 */
import { inArray } from "drizzle-orm";
import type { DB } from "../client";
import type * as sqlite from "../schema";
import { TRIAL_STATUSES, type TrialStatus } from "../schema";

const DAY_MS = 86_400_000;
export const EXPERIMENT_IDS = ["exp-a", "exp-b", "exp-c"];

export type TrialWrite =
  | { kind: "insert"; id: string; experimentId: string; status: TrialStatus; createdAt: number }
  | { kind: "update"; ids: string[]; set: { status?: TrialStatus; experimentId?: string; createdAt?: number } }
  | { kind: "touch"; ids: string[]; statusReason: string }
  | { kind: "delete"; ids: string[] };

/** mulberry32: a tiny seeded generator, so a failure replays exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trialWrites(seed: number, count: number): TrialWrite[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  // Around midnight UTC too, where integer division by a day decides which day a trial counts in.
  const createdAt = () =>
    (20_000 + Math.floor(next() * 3)) * DAY_MS + pick([0, 1, DAY_MS - 1, Math.floor(next() * DAY_MS)]);
  const live: string[] = [];
  const some = () => [...new Set([pick(live), pick(live)])];
  const writes: TrialWrite[] = [];
  for (let i = 0; writes.length < count; i++) {
    const roll = next();
    if (live.length < 3 || roll < 0.35) {
      const id = `trial-${i}`;
      live.push(id);
      writes.push({
        kind: "insert",
        id,
        experimentId: pick(EXPERIMENT_IDS),
        status: pick(TRIAL_STATUSES),
        createdAt: createdAt(),
      });
    } else if (roll < 0.6) {
      writes.push({ kind: "update", ids: some(), set: { status: pick(TRIAL_STATUSES) } });
    } else if (roll < 0.68) {
      writes.push({ kind: "update", ids: some(), set: { experimentId: pick(EXPERIMENT_IDS) } });
    } else if (roll < 0.76) {
      writes.push({ kind: "update", ids: some(), set: { createdAt: createdAt() } });
    } else if (roll < 0.84) {
      const set = { status: pick(TRIAL_STATUSES), experimentId: pick(EXPERIMENT_IDS), createdAt: createdAt() };
      writes.push({ kind: "update", ids: some(), set });
    } else if (roll < 0.9) {
      writes.push({ kind: "touch", ids: some(), statusReason: `reason ${i}` });
    } else {
      const ids = some();
      for (const id of ids) live.splice(live.indexOf(id), 1);
      writes.push({ kind: "delete", ids });
    }
  }
  return writes;
}

const experiment = (id: string) => ({
  id,
  name: id,
  metadata: {},
  parameters: {},
  preSteps: [],
  steps: [],
  postSteps: [],
  createdBy: "test",
});

const trial = (w: Extract<TrialWrite, { kind: "insert" }>) => ({
  id: w.id,
  experimentId: w.experimentId,
  status: w.status,
  createdAt: w.createdAt,
  parameters: {},
  metadata: {},
  ticket: {},
  records: {},
  initiatedBy: "test",
  scheduledFor: w.createdAt,
});

/**
 * Applies the writes through the database port (db/client.ts's DB), to either database: `tables`
 * is db/schema.ts for SQLite or its PostgreSQL twin (db/pg/schema.ts) for PostgreSQL.
 */
export async function applyWrites(db: DB, tables: typeof sqlite, writes: TrialWrite[]): Promise<void> {
  await db.insert(tables.experiments).values(EXPERIMENT_IDS.map(experiment));
  const { trials } = tables;
  for (const w of writes) {
    if (w.kind === "insert") await db.insert(trials).values(trial(w));
    else if (w.kind === "update") await db.update(trials).set(w.set).where(inArray(trials.id, w.ids));
    else if (w.kind === "touch")
      await db.update(trials).set({ statusReason: w.statusReason }).where(inArray(trials.id, w.ids));
    else await db.delete(trials).where(inArray(trials.id, w.ids));
  }
}
