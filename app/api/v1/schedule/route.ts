import { pageHeaders, parsePage } from "@/lib/api/paging";
import { allow, defineRoute, json } from "@/lib/api/route";
import { toPublicSchedule } from "@/lib/schedules/present";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/schedule — every live schedule across experiments, with `experiment_name`
  GET: allow("viewer", ({ url }) => {
    const page = parsePage(url);
    const { schedules } = services();
    const { rows, total } = schedules.listAll(page);
    const trials = schedules.trialsOf(rows);
    const body = rows.map((s) => ({
      ...toPublicSchedule(s, trials.get(s.id) ?? []),
      experiment_name: s.experimentName,
    }));
    return json(body, 200, pageHeaders(url, page, total));
  }),
});
