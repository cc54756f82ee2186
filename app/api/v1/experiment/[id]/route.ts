import { defineRoute, json, noContent, readBody } from "@/lib/api/route";
import { toPublicExperiment } from "@/lib/experiments/present";
import { checkSteps } from "@/lib/experiments/check-steps";
import { patchExperimentSchema, replaceExperimentSchema } from "@/lib/experiments/schemas";
import { getToolbox } from "@/lib/plugins/toolbox";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/experiment/{id} — deleted experiments included
  GET: ({ params }) => json(toPublicExperiment(services().experiments.get(params.id))),
  // PUT /api/v1/experiment/{id} — name and steps required; omitted optional fields keep their values
  PUT: async ({ req, params }) => {
    services().experiments.get(params.id);
    const input = await readBody(req, replaceExperimentSchema);
    checkSteps(await getToolbox(), input);
    return json(toPublicExperiment(services().experiments.update(params.id, input)));
  },
  // PATCH /api/v1/experiment/{id}
  PATCH: async ({ req, params }) => {
    services().experiments.get(params.id);
    const input = await readBody(req, patchExperimentSchema);
    checkSteps(await getToolbox(), input);
    return json(toPublicExperiment(services().experiments.update(params.id, input)));
  },
  // DELETE /api/v1/experiment/{id} — soft delete, cascading to its schedules
  DELETE: ({ params }) => {
    services().experiments.delete(params.id);
    return noContent();
  },
});
