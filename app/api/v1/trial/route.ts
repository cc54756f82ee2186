import { pageHeaders, parsePage } from "@/lib/api/paging";
import { jsonAnswer } from "@/lib/api/public-json";
import { allow, defineRoute, json, queryObject, readBody, validate } from "@/lib/api/route";
import { checkSteps } from "@/lib/experiments/check-steps";
import { getToolbox } from "@/lib/plugins/toolbox";
import { services } from "@/lib/services";
import { toPublicTrial } from "@/lib/trials/present";
import { createTrialSchema, trialFiltersSchema } from "@/lib/trials/schemas";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/trial?experiment=&status=&schedule=&since=&until= — newest first
  GET: allow("viewer", async ({ req, url }) => {
    const filters = validate(trialFiltersSchema, queryObject(url));
    const page = parsePage(url);
    const answer = await services().trials.listAnswer(filters, page);
    return jsonAnswer(req, answer.etag, answer.body, { headers: pageHeaders(url, page, answer.total, answer.next) });
  }),
  // POST /api/v1/trial — recorded as Scheduled (the runner executes it); `dry_run: true` only checks
  POST: allow("operator", async ({ req, principal }) => {
    const input = await readBody(req, createTrialSchema);
    const toolbox = await getToolbox();
    checkSteps(toolbox, { guards: input.guards });
    if (input.dry_run) return json(await services().trials.plan(input, toolbox));
    return json(toPublicTrial(await services().trials.create(input, principal.actor, principal.role)), 201);
  }),
});
