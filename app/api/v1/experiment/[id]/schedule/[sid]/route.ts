import { defineRoute, json, noContent, readBody } from "@/lib/api/route";
import { toPublicSchedule } from "@/lib/schedules/present";
import { patchScheduleSchema, scheduleSchema } from "@/lib/schedules/schemas";
import { services } from "@/lib/services";
import type { Schedule } from "@/db/schema";

type Params = { id: string; sid: string };

function present(s: Schedule) {
  return json(toPublicSchedule(s, services().schedules.trialsOf([s]).get(s.id) ?? []));
}

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<Params>({
  // GET /api/v1/experiment/{id}/schedule/{sid} — deleted schedules included
  GET: ({ params }) => present(services().schedules.get(params.id, params.sid)),
  // PUT /api/v1/experiment/{id}/schedule/{sid} — omitted fields reset to their defaults
  PUT: async ({ req, params }) => {
    services().schedules.get(params.id, params.sid);
    const input = await readBody(req, scheduleSchema);
    return present(services().schedules.update(params.id, params.sid, input));
  },
  // PATCH /api/v1/experiment/{id}/schedule/{sid}
  PATCH: async ({ req, params }) => {
    services().schedules.get(params.id, params.sid);
    const input = await readBody(req, patchScheduleSchema);
    return present(services().schedules.update(params.id, params.sid, input));
  },
  // DELETE /api/v1/experiment/{id}/schedule/{sid} — soft delete
  DELETE: ({ params }) => {
    services().schedules.delete(params.id, params.sid);
    return noContent();
  },
});
