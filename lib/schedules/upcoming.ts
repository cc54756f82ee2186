/** Upcoming fire times across every live schedule, for the home page and the calendar. */
import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { DB } from "@/db/client";
import { experiments, schedules } from "@/db/tables";
import { isoTime } from "@/lib/api/time";
import { blackoutNamer } from "@/lib/blackout/service";
import { nextRunAfter, parsePattern } from "./pattern";
import { formatInZone } from "./timezone";

export type UpcomingRun = {
  schedule: string;
  experiment: string;
  experiment_name: string;
  at: string;
  local: string;
  timezone: string;
  /** The blackout window the firing would be Skipped for, if any. */
  blackout: string | null;
};

export async function upcomingRuns(db: DB, from: number, to: number, limit: number): Promise<UpcomingRun[]> {
  const rows = await db
    .select({ s: schedules, name: experiments.name })
    .from(schedules)
    .innerJoin(experiments, eq(experiments.id, schedules.experimentId))
    .where(and(isNotNull(schedules.nextRunAt), lte(schedules.nextRunAt, to), isNull(experiments.deletedAt)))
    .orderBy(asc(schedules.nextRunAt));
  const blackout = await blackoutNamer(db);
  const out: { at: number; run: Omit<UpcomingRun, "at" | "local" | "blackout"> }[] = [];
  for (const { s, name } of rows) {
    const pattern = parsePattern(s.recurrencePattern, s.timezone);
    let left = s.recurrenceCount === null ? Number.POSITIVE_INFINITY : (s.recurrenceLeft ?? 0);
    // Slots already due but not yet handled are still to come; then every later one in the window.
    for (
      let t = s.nextRunAt as number;
      t <= to && left > 0 && out.length < limit * 4;
      t = nextRunAfter(pattern, t, t) ?? Number.POSITIVE_INFINITY
    ) {
      if (t >= from)
        out.push({
          at: t,
          run: { schedule: s.id, experiment: s.experimentId, experiment_name: name, timezone: s.timezone },
        });
      left--;
    }
  }
  return out
    .sort((a, b) => a.at - b.at)
    .slice(0, limit)
    .map(({ at, run }) => ({
      ...run,
      at: isoTime(at) as string,
      local: formatInZone(at, run.timezone),
      blackout: blackout(run.experiment, at),
    }));
}
