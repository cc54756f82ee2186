import { allow, defineRoute, json } from "@/lib/api/route";
import { services } from "@/lib/services";
import { toPublicTrial } from "@/lib/trials/present";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // PUT /api/v1/trial/{id}/stop — 200 with the trial, 403 {"message"} if it already finished, 404
  PUT: allow("operator", async ({ params, principal }) =>
    json(toPublicTrial(await services().trials.stop(params.id, principal.actor))),
  ),
});
