import { defineRoute, open, json } from "@/lib/api/route";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/health
  GET: open(() => json({ status: "up" })),
});
