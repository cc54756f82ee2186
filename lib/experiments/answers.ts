/**
 * The experiment list and detail answered from cached public JSON (lib/api/public-json.ts): each
 * experiment is masked and encoded once per stored version, whatever the number of readers.
 */
import type { DB } from "@/db/client";
import type { Experiment } from "@/db/schema";
import type { Page } from "@/lib/api/paging";
import { PublicJsonCache, etagOf } from "@/lib/api/public-json";
import { toPublicExperiment } from "./present";
import { type ExperimentFilter, ExperimentRepo, type ExperimentVersion } from "./repo";

const holder = globalThis as unknown as { __erisExperimentJson?: PublicJsonCache<Experiment> };
holder.__erisExperimentJson ??= new PublicJsonCache(toPublicExperiment);
const cache = holder.__erisExperimentJson;

/** What changes whenever anything shown changes: two writes within a millisecond differ by revision or deletion. */
const keyOf = (e: ExperimentVersion) => `${e.id}:${e.updatedAt}:${e.revision}:${e.deletedAt ?? ""}`;

/** The page as JSON text, its ETag and the total, reading full rows only for versions not cached yet. */
export async function experimentListAnswer(db: DB, page: Page, filter: ExperimentFilter) {
  const repo = new ExperimentRepo(db);
  const { rows, total } = await repo.listLiveVersions(page, filter);
  const keys = rows.map(keyOf);
  return {
    total,
    etag: etagOf([total, ...keys]),
    body: async () => {
      const missing = rows.filter((r, i) => !cache.has(keys[i])).map((r) => r.id);
      const loaded = new Map((await repo.findMany(missing)).map((e) => [e.id, e]));
      const parts = rows.map((r, i) => cache.json(keys[i], loaded.get(r.id) as Experiment));
      return `[${parts.join(",")}]`;
    },
  };
}

/**
 * One experiment (deleted ones too) as JSON text with its ETag, from its version: the definition
 * is read (and its JSON parsed) only when this version has not been answered before.
 */
export function experimentAnswer(version: ExperimentVersion, load: () => Promise<Experiment>) {
  const key = keyOf(version);
  return {
    etag: etagOf([key]),
    body: async () => (cache.has(key) ? cache.json(key, undefined as never) : cache.json(key, await load())),
  };
}
