import { allow, defineRoute, json, noContent, readBody } from "@/lib/api/route";
import { jsonAnswer } from "@/lib/api/public-json";
import { toSavedExperiment } from "@/lib/experiments/present";
import { checkSteps } from "@/lib/experiments/check-steps";
import { patchExperimentSchema, replaceExperimentSchema } from "@/lib/experiments/schemas";
import { getToolbox } from "@/lib/plugins/toolbox";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/experiment/{id} — deleted experiments included
  GET: allow("viewer", async ({ req, params }) => {
    const answer = await services().experiments.answer(params.id);
    return jsonAnswer(req, answer.etag, answer.body);
  }),
  // PUT /api/v1/experiment/{id} — name and steps required; omitted optional fields keep their values
  PUT: allow("operator", async ({ req, params, principal }) => {
    await services().experiments.get(params.id);
    const input = await readBody(req, replaceExperimentSchema);
    checkSteps(await getToolbox(), input);
    return json(toSavedExperiment(await services().experiments.update(params.id, input, principal.actor)));
  }),
  // PATCH /api/v1/experiment/{id}
  PATCH: allow("operator", async ({ req, params, principal }) => {
    await services().experiments.get(params.id);
    const input = await readBody(req, patchExperimentSchema);
    checkSteps(await getToolbox(), input);
    return json(toSavedExperiment(await services().experiments.update(params.id, input, principal.actor)));
  }),
  // DELETE /api/v1/experiment/{id} — soft delete, cascading to its schedules
  DELETE: allow("operator", async ({ params, principal }) => {
    await services().experiments.delete(params.id, principal.actor);
    return noContent();
  }),
});
