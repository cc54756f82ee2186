import { pageHeaders, parsePage } from "@/lib/api/paging";
import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { checkSteps } from "@/lib/experiments/check-steps";
import { getToolbox } from "@/lib/plugins/toolbox";
import { toPublicSchedule } from "@/lib/schedules/present";
import { scheduleSchema } from "@/lib/schedules/schemas";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/experiment/{id}/schedule
  GET: allow("viewer", ({ url, params }) => {
    const page = parsePage(url);
    const { schedules } = services();
    const { rows, total } = schedules.list(params.id, page);
    const trials = schedules.trialsOf(rows);
    const body = rows.map((s) => toPublicSchedule(s, trials.get(s.id) ?? []));
    return json(body, 200, pageHeaders(url, page, total));
  }),
  // POST /api/v1/experiment/{id}/schedule
  POST: allow("operator", async ({ req, params, principal }) => {
    const { schedules, experiments } = services();
    experiments.get(params.id);
    const input = await readBody(req, scheduleSchema);
    checkSteps(await getToolbox(), { guards: input.guards });
    return json(toPublicSchedule(schedules.create(params.id, input, principal.actor), []), 201);
  }),
});
