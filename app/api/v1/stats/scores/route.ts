import { z } from "zod";
import { getDb } from "@/db/client";
import { MSG } from "@/lib/api/drf";
import { allow, defineRoute, json, queryObject, validate } from "@/lib/api/route";
import { scoreSummary } from "@/lib/trials/score";

const query = z.object({
  limit: z.coerce
    .number({ error: "A valid integer is required." })
    .int("A valid integer is required.")
    .min(1, MSG.minValue(1))
    .max(100, MSG.maxValue(100))
    .default(8),
});

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/stats/scores?limit=8 — every experiment's resilience score at once, the lowest first
  GET: allow("viewer", async ({ url }) => json(await scoreSummary(getDb(), validate(query, queryObject(url)).limit))),
});
