import { z } from "zod";
import { getDb } from "@/db/client";
import { allow, defineRoute, json, queryObject, validate } from "@/lib/api/route";
import { trialStats } from "@/lib/trials/stats";

const query = z.object({
  days: z.coerce.number({ error: "A valid integer is required." }).int().min(1).max(366).default(30),
});

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/stats/trials?days=30 — trials per day by outcome and the success rate
  GET: allow("viewer", async ({ url }) => json(await trialStats(getDb(), validate(query, queryObject(url)).days))),
});
