import { allow, defineRoute, json, queryObject, readBody, validate } from "@/lib/api/route";
import { createWindowSchema, windowFiltersSchema } from "@/lib/blackout/schemas";
import { toPublicWindow } from "@/lib/blackout/service";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/blackout?experiment= — every live window (global ones have no experiment)
  GET: allow("viewer", async ({ url }) => {
    const { experiment } = validate(windowFiltersSchema, queryObject(url));
    return json((await services().blackout.list(experiment)).map((w) => toPublicWindow(w)));
  }),
  // POST /api/v1/blackout — an experiment's window (operator) or a global one (admin)
  POST: allow("operator", async ({ req, principal }) => {
    const input = await readBody(req, createWindowSchema);
    return json(toPublicWindow(await services().blackout.create(input, principal)), 201);
  }),
});
