import { pageHeaders, parsePage } from "@/lib/api/paging";
import { allow, defineRoute, json } from "@/lib/api/route";
import { toScheduleSummary } from "@/lib/schedules/present";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/schedule — every live schedule across experiments, with `experiment_name`, without `trials`
  GET: allow("viewer", async ({ url }) => {
    const page = parsePage(url);
    const { rows, total } = await services().schedules.listAll(page);
    return json(rows.map(toScheduleSummary), 200, pageHeaders(url, page, total));
  }),
});
