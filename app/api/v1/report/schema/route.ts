import { allow, defineRoute, json } from "@/lib/api/route";
import { journalJsonSchema } from "@/lib/reports/journal";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/report/schema — the JSON Schema of the JSON journal (format=json)
  GET: allow("viewer", () => json(journalJsonSchema())),
});
