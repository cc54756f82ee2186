import { defineRoute, open, json } from "@/lib/api/route";
import { openApiDocument } from "@/lib/openapi/document";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/openapi.json — OpenAPI 3.1, generated from the request/response schemas
  GET: open(() => json(openApiDocument())),
});
