import { pageHeaders, parsePage } from "@/lib/api/paging";
import { allow, defineRoute, json, queryObject, readBody, validate } from "@/lib/api/route";
import { toPublicExperiment, toSavedExperiment } from "@/lib/experiments/present";
import { checkSteps } from "@/lib/experiments/check-steps";
import { createExperimentSchema, experimentFiltersSchema } from "@/lib/experiments/schemas";
import { getToolbox } from "@/lib/plugins/toolbox";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/experiment?search=&label=key[:value] — live experiments, newest first
  GET: allow("viewer", ({ url }) => {
    const page = parsePage(url);
    const q = validate(experimentFiltersSchema, queryObject(url));
    const [labelKey, ...value] = q.label?.split(":") ?? [];
    const filter = { search: q.search || undefined, labelKey, labelValue: value.length ? value.join(":") : undefined };
    const { rows, total } = services().experiments.list(page, filter);
    return json(rows.map(toPublicExperiment), 200, pageHeaders(url, page, total));
  }),
  // POST /api/v1/experiment
  POST: allow("operator", async ({ req, principal }) => {
    const input = await readBody(req, createExperimentSchema);
    checkSteps(await getToolbox(), input);
    return json(toSavedExperiment(services().experiments.create(input, principal.actor)), 201);
  }),
});
