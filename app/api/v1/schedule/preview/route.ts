import { getDb } from "@/db/client";
import { allow, defineRoute, json, queryObject, validate } from "@/lib/api/route";
import { blackoutNamer } from "@/lib/blackout/service";
import { isoTime } from "@/lib/api/time";
import { describePattern, nextRuns } from "@/lib/schedules/pattern";
import { previewQuerySchema } from "@/lib/schedules/schemas";
import { checkPattern } from "@/lib/schedules/timing";
import { formatInZone } from "@/lib/schedules/timezone";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/schedule/preview?pattern=&timezone=&count=&experiment= — next fire times, blackouts, a description
  GET: allow("viewer", async ({ url }) => {
    const q = validate(previewQuerySchema, queryObject(url));
    const pattern = checkPattern(q.pattern, q.timezone, "pattern");
    const runs = nextRuns(pattern, q.count, Date.now());
    const blackout = await blackoutNamer(getDb());
    return json({
      pattern: pattern.source,
      // A CRON_TZ= prefix names the zone the pattern runs in.
      timezone: pattern.timezone,
      description: describePattern(pattern),
      next_runs: runs.map((ms) => ({
        utc: isoTime(ms),
        local: formatInZone(ms, pattern.timezone),
        blackout: blackout(q.experiment ?? null, ms),
      })),
    });
  }),
});
