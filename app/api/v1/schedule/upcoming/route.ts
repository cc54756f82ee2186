import { z } from "zod";
import { getDb } from "@/db/client";
import { allow, defineRoute, json, queryObject, validate } from "@/lib/api/route";
import { upcomingRuns } from "@/lib/schedules/upcoming";

const query = z.object({
  hours: z.coerce
    .number({ error: "A valid number is required." })
    .positive()
    .max(24 * 62)
    .default(24),
  limit: z.coerce.number({ error: "A valid integer is required." }).int().min(1).max(1000).default(200),
});

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/schedule/upcoming?hours=24&limit=200 — fire times across all schedules, soonest first
  GET: allow("viewer", async ({ url }) => {
    const q = validate(query, queryObject(url));
    const now = Date.now();
    return json(await upcomingRuns(getDb(), now, now + q.hours * 3_600_000, q.limit));
  }),
});
