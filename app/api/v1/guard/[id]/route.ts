import { allow, defineRoute, json, noContent, readBody } from "@/lib/api/route";
import { checkOneStep } from "@/lib/experiments/check-steps";
import { patchGlobalGuardSchema } from "@/lib/global-guards/schemas";
import { toPublicGlobalGuard } from "@/lib/global-guards/service";
import { getToolbox } from "@/lib/plugins/toolbox";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/guard/{id}
  GET: allow("viewer", async ({ params }) => json(toPublicGlobalGuard(await services().guards.get(params.id)))),
  // PATCH /api/v1/guard/{id} — admins
  PATCH: allow("admin", async ({ req, params, principal }) => {
    const service = services().guards;
    await service.get(params.id);
    const input = await readBody(req, patchGlobalGuardSchema);
    if (input.step) checkOneStep(await getToolbox(), input.step, "step");
    return json(toPublicGlobalGuard(await service.update(params.id, input, principal.actor)));
  }),
  // DELETE /api/v1/guard/{id} — admins
  DELETE: allow("admin", async ({ params, principal }) => {
    await services().guards.delete(params.id, principal.actor);
    return noContent();
  }),
});
