import { allow, defineRoute, json, noContent, readBody } from "@/lib/api/route";
import { checkSteps } from "@/lib/experiments/check-steps";
import { getToolbox } from "@/lib/plugins/toolbox";
import { toPublicSchedule } from "@/lib/schedules/present";
import { patchScheduleSchema, replaceScheduleSchema } from "@/lib/schedules/schemas";
import { services } from "@/lib/services";
import type { Schedule } from "@/db/schema";

type Params = { id: string; sid: string };

function present(s: Schedule) {
  return json(toPublicSchedule(s, services().schedules.trialsOf([s]).get(s.id) ?? []));
}

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<Params>({
  // GET /api/v1/experiment/{id}/schedule/{sid} — deleted schedules included
  GET: allow("viewer", ({ params }) => present(services().schedules.get(params.id, params.sid))),
  // PUT /api/v1/experiment/{id}/schedule/{sid} — Kallisti's omitted fields reset; Eris's extensions kept
  PUT: allow("operator", async ({ req, params, principal }) => {
    services().schedules.get(params.id, params.sid);
    const input = await readBody(req, replaceScheduleSchema);
    checkSteps(await getToolbox(), { guards: input.guards });
    return present(services().schedules.update(params.id, params.sid, input, principal.actor));
  }),
  // PATCH /api/v1/experiment/{id}/schedule/{sid}
  PATCH: allow("operator", async ({ req, params, principal }) => {
    services().schedules.get(params.id, params.sid);
    const input = await readBody(req, patchScheduleSchema);
    checkSteps(await getToolbox(), { guards: input.guards });
    return present(services().schedules.update(params.id, params.sid, input, principal.actor));
  }),
  // DELETE /api/v1/experiment/{id}/schedule/{sid} — soft delete
  DELETE: allow("operator", ({ params, principal }) => {
    services().schedules.delete(params.id, params.sid, principal.actor);
    return noContent();
  }),
});
