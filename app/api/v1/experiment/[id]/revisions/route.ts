import { pageHeaders, parsePage } from "@/lib/api/paging";
import { allow, defineRoute, json } from "@/lib/api/route";
import { toPublicRevision } from "@/lib/experiments/present";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/experiment/{id}/revisions — every definition it has had, newest first
  GET: allow("viewer", async ({ url, params }) => {
    const page = parsePage(url);
    const { rows, total } = await services().experiments.revisions(params.id, page);
    return json(rows.map(toPublicRevision), 200, pageHeaders(url, page, total));
  }),
});
