import { defineRoute, json } from "@/lib/api/route";
import { actorOf } from "@/lib/auth/actor";
import { services } from "@/lib/services";
import { toPublicTrial } from "@/lib/trials/present";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // PUT /api/v1/trial/{id}/stop — 200 with the trial, 403 {"message"} if it already finished, 404
  PUT: ({ req, params }) => json(toPublicTrial(services().trials.stop(params.id, actorOf(req)))),
});
