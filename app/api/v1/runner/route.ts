import { getDb } from "@/db/client";
import { allow, defineRoute, json } from "@/lib/api/route";
import { runnerStatus } from "@/lib/runner/status";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/runner — lease holder, heartbeat age, restarts, the trial it runs
  GET: allow("viewer", async () => json(await runnerStatus(getDb()))),
});
