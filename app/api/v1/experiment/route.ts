import { pageHeaders, parsePage } from "@/lib/api/paging";
import { allow, defineRoute, json, queryObject, readBody, validate } from "@/lib/api/route";
import { jsonAnswer } from "@/lib/api/public-json";
import { toSavedExperiment } from "@/lib/experiments/present";
import { checkSteps } from "@/lib/experiments/check-steps";
import { createExperimentSchema, experimentFiltersSchema } from "@/lib/experiments/schemas";
import { getToolbox } from "@/lib/plugins/toolbox";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/experiment?search=&label=key[:value] — live experiments, newest first
  GET: allow("viewer", async ({ req, url }) => {
    const page = parsePage(url);
    const q = validate(experimentFiltersSchema, queryObject(url));
    const [labelKey, ...value] = q.label?.split(":") ?? [];
    const filter = { search: q.search || undefined, labelKey, labelValue: value.length ? value.join(":") : undefined };
    const answer = await services().experiments.listAnswer(page, filter);
    return jsonAnswer(req, answer.etag, answer.body, { headers: pageHeaders(url, page, answer.total) });
  }),
  // POST /api/v1/experiment
  POST: allow("operator", async ({ req, principal }) => {
    const input = await readBody(req, createExperimentSchema);
    checkSteps(await getToolbox(), input);
    return json(toSavedExperiment(await services().experiments.create(input, principal.actor)), 201);
  }),
});
