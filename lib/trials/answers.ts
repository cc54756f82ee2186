/**
 * The trial list and a trial answered from cached public JSON (lib/api/public-json.ts). A finished
 * trial never changes, so its public JSON (masked by key and by its parameters' values) is made
 * once. A trial still running changes many times a second and is rendered afresh; the ETag of an
 * answer that holds one is taken from the body itself.
 */
import type { Conn } from "@/db/client";
import type { Trial } from "@/db/schema";
import type { Page } from "@/lib/api/paging";
import { PublicJsonCache, etagOf } from "@/lib/api/public-json";
import { toPublicTrial } from "./present";
import { type TrialQuery, TrialRepo, type TrialVersion } from "./repo";
import { isActiveStatus } from "./statuses";

const holder = globalThis as unknown as { __erisTrialJson?: PublicJsonCache<Trial> };
holder.__erisTrialJson ??= new PublicJsonCache(toPublicTrial);
const cache = holder.__erisTrialJson;

export async function trialListAnswer(db: Conn, q: TrialQuery, page: Page) {
  const repo = new TrialRepo(db);
  const { rows, total, next } = await repo.listLiveVersions(q, page);
  const keys = rows.map((r) => `${r.id}:${r.updatedAt}`);
  // Taken now: other requests may add to (and evict from) the cache while the rows are read.
  const cached = keys.map((k) => cache.cached(k));
  const loaded = new Map(
    (await repo.findMany(rows.filter((_, i) => cached[i] === undefined).map((r) => r.id))).map(
      (t) => [t.id, t] as const,
    ),
  );
  const parts = rows.map((r, i) => {
    const t = loaded.get(r.id);
    // Not read because cached; or pruned since the page was listed (left out).
    if (!t) return cached[i];
    return isActiveStatus(t.status) ? JSON.stringify(toPublicTrial(t)) : cache.json(keys[i], t);
  });
  const live = rows.some((r) => {
    const t = loaded.get(r.id);
    return t !== undefined && isActiveStatus(t.status);
  });
  const body = `[${parts.filter((p) => p !== undefined).join(",")}]`;
  return { total, next, etag: etagOf(live ? [total, body] : [total, ...keys]), body: () => body };
}

/**
 * One trial as JSON text with its ETag. A finished trial already answered is not read again (its
 * version, without the records, says it is the same); a running one is read and rendered each time.
 */
export async function trialAnswer(version: TrialVersion & Pick<Trial, "status">, load: () => Promise<Trial>) {
  const key = `${version.id}:${version.updatedAt}`;
  const hit = isActiveStatus(version.status) ? undefined : cache.cached(key);
  if (hit !== undefined) return { etag: etagOf([key]), body: () => hit };
  const t = await load();
  if (isActiveStatus(t.status)) {
    const body = JSON.stringify(toPublicTrial(t));
    return { etag: etagOf([body]), body: () => body };
  }
  const read = `${t.id}:${t.updatedAt}`;
  return { etag: etagOf([read]), body: () => cache.json(read, t) };
}
