import { defineRoute, json } from "@/lib/api/route";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/health
  GET: () => json({ status: "up" }),
});
