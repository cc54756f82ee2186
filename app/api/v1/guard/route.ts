import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { checkOneStep } from "@/lib/experiments/check-steps";
import { createGlobalGuardSchema } from "@/lib/global-guards/schemas";
import { toPublicGlobalGuard } from "@/lib/global-guards/service";
import { getToolbox } from "@/lib/plugins/toolbox";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/guard — the global guards and what each last saw
  GET: allow("viewer", async () => json((await services().guards.list()).map(toPublicGlobalGuard))),
  // POST /api/v1/guard — admins: a probe watched all the time that sets the signal when it fails
  POST: allow("admin", async ({ req, principal }) => {
    const input = await readBody(req, createGlobalGuardSchema);
    checkOneStep(await getToolbox(), input.step, "step");
    return json(toPublicGlobalGuard(await services().guards.create(input, principal.actor)), 201);
  }),
});
