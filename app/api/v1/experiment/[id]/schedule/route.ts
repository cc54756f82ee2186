import { pageHeaders, parsePage } from "@/lib/api/paging";
import { jsonAnswer } from "@/lib/api/public-json";
import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { checkSteps } from "@/lib/experiments/check-steps";
import { getToolbox } from "@/lib/plugins/toolbox";
import { toPublicSchedule } from "@/lib/schedules/present";
import { scheduleSchema } from "@/lib/schedules/schemas";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/experiment/{id}/schedule
  GET: allow("viewer", async ({ req, url, params }) => {
    const page = parsePage(url);
    const answer = await services().schedules.listAnswer(params.id, page);
    return jsonAnswer(req, answer.etag, answer.body, { headers: pageHeaders(url, page, answer.total) });
  }),
  // POST /api/v1/experiment/{id}/schedule
  POST: allow("operator", async ({ req, params, principal }) => {
    const { schedules, experiments } = services();
    await experiments.get(params.id);
    const input = await readBody(req, scheduleSchema);
    checkSteps(await getToolbox(), { guards: input.guards });
    return json(toPublicSchedule(await schedules.create(params.id, input, principal.actor), []), 201);
  }),
});
