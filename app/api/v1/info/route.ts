import { defineRoute, open, json } from "@/lib/api/route";
import { buildInfo } from "@/lib/version";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/info — Kallisti's {version, platform} plus build facts
  GET: open(() => json(buildInfo())),
});
