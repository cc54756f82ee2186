import { allow, defineRoute, json } from "@/lib/api/route";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/ — the resource index, as DRF's router root
  GET: allow("viewer", ({ url }) =>
    json({
      experiment: new URL("/api/v1/experiment/", url).href,
      trial: new URL("/api/v1/trial/", url).href,
    }),
  ),
});
