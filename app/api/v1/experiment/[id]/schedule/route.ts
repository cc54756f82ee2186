import { pageHeaders, parsePage } from "@/lib/api/paging";
import { defineRoute, json, readBody } from "@/lib/api/route";
import { actorOf } from "@/lib/auth/actor";
import { toPublicSchedule } from "@/lib/schedules/present";
import { scheduleSchema } from "@/lib/schedules/schemas";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/experiment/{id}/schedule
  GET: ({ url, params }) => {
    const page = parsePage(url);
    const { schedules } = services();
    const { rows, total } = schedules.list(params.id, page);
    const trials = schedules.trialsOf(rows);
    const body = rows.map((s) => toPublicSchedule(s, trials.get(s.id) ?? []));
    return json(body, 200, pageHeaders(url, page, total));
  },
  // POST /api/v1/experiment/{id}/schedule
  POST: async ({ req, params }) => {
    const { schedules, experiments } = services();
    experiments.get(params.id);
    const input = await readBody(req, scheduleSchema);
    return json(toPublicSchedule(schedules.create(params.id, input, actorOf(req)), []), 201);
  },
});
