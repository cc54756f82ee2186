import { allow, defineRoute, json } from "@/lib/api/route";
import { toPublicRevision } from "@/lib/experiments/present";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string; revision: string }>({
  // GET /api/v1/experiment/{id}/revisions/{revision} — the definition as it was at that revision
  GET: allow("viewer", async ({ params }) =>
    json(toPublicRevision(await services().experiments.revision(params.id, params.revision))),
  ),
});
