import { allow, defineRoute, json, noContent, readBody } from "@/lib/api/route";
import { patchWindowSchema } from "@/lib/blackout/schemas";
import { toPublicWindow } from "@/lib/blackout/service";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/blackout/{id}
  GET: allow("viewer", async ({ params }) => json(toPublicWindow(await services().blackout.get(params.id)))),
  // PATCH /api/v1/blackout/{id} — global windows: admins only
  PATCH: allow("operator", async ({ req, params, principal }) => {
    const input = await readBody(req, patchWindowSchema);
    return json(toPublicWindow(await services().blackout.update(params.id, input, principal)));
  }),
  // DELETE /api/v1/blackout/{id} — global windows: admins only
  DELETE: allow("operator", async ({ params, principal }) => {
    await services().blackout.delete(params.id, principal);
    return noContent();
  }),
});
