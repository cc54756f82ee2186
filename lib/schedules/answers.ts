/**
 * Schedules answered with their embedded `trials` (Kallisti's shape) from cached JSON text. At a
 * long history the trials are nearly all of the answer (10,000 trials are 1.5 MB), so that part is
 * encoded once per version of the schedule's history (TrialRepo.scheduleHistoryVersions, read
 * from an index) and kept in a cache bounded by size; the schedule itself is presented afresh each
 * time (one row). The ETag covers both, so a poller that sends If-None-Match gets 304.
 */
import { LRUCache } from "lru-cache";
import type { DB } from "@/db/client";
import type { Schedule } from "@/db/schema";
import { etagOf } from "@/lib/api/public-json";
import { TrialRepo } from "@/lib/trials/repo";
import { toPublicSchedule } from "./present";

const MAX_CACHED_CHARS = 32 * 1024 * 1024;

const holder = globalThis as unknown as { __erisScheduleTrialsJson?: LRUCache<string, string> };
holder.__erisScheduleTrialsJson ??= new LRUCache<string, string>({
  maxSize: MAX_CACHED_CHARS,
  sizeCalculation: (json) => Math.max(1, json.length),
});
const cache = holder.__erisScheduleTrialsJson;

/** The schedule's JSON around its trials: what comes before `trials` and what comes after. */
function frame(s: Schedule): { head: string; tail: string } {
  const entries = Object.entries(toPublicSchedule(s, []));
  const at = entries.findIndex(([key]) => key === "trials");
  return {
    head: JSON.stringify(Object.fromEntries(entries.slice(0, at))).slice(0, -1),
    tail: JSON.stringify(Object.fromEntries(entries.slice(at + 1))).slice(1),
  };
}

async function trialsJson(db: DB, s: Schedule, version: string): Promise<string> {
  const key = `${s.id}:${version}`;
  let json = cache.get(key);
  if (json === undefined) {
    json = JSON.stringify(toPublicSchedule(s, await new TrialRepo(db).listForSchedule([s.id])).trials);
    cache.set(key, json);
  }
  return json;
}

/**
 * Schedules (one, or a page of them) as JSON text with their trials, and an ETag over both and
 * `extra` (a list's total, which its headers carry).
 */
export async function schedulesAnswer(
  db: DB,
  schedules: Schedule[],
  extra: (string | number)[] = [],
): Promise<{ etag: string; one: () => Promise<string>; list: () => Promise<string> }> {
  const versions = await new TrialRepo(db).scheduleHistoryVersions(schedules.map((s) => s.id));
  const frames = schedules.map(frame);
  const parts = schedules.flatMap((s, i) => [frames[i].head, frames[i].tail, versions.get(s.id) ?? ""]);
  // One schedule at a time, in order, as before (a page's trials are not read all at once).
  const answers = async () => {
    const out: string[] = [];
    for (const [i, s] of schedules.entries()) {
      out.push(`${frames[i].head},"trials":${await trialsJson(db, s, versions.get(s.id) ?? "")},${frames[i].tail}`);
    }
    return out;
  };
  return {
    etag: etagOf([...extra, ...parts]),
    one: async () => (await answers())[0],
    list: async () => `[${(await answers()).join(",")}]`,
  };
}
