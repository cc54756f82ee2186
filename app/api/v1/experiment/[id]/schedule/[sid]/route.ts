import { allow, defineRoute, noContent, readBody } from "@/lib/api/route";
import { checkSteps } from "@/lib/experiments/check-steps";
import { getToolbox } from "@/lib/plugins/toolbox";
import { jsonAnswer } from "@/lib/api/public-json";
import { patchScheduleSchema, replaceScheduleSchema } from "@/lib/schedules/schemas";
import { services } from "@/lib/services";
import type { Schedule } from "@/db/schema";

type Params = { id: string; sid: string };

async function present(req: Request, s: Schedule) {
  const answer = await services().schedules.answerFor(s);
  return jsonAnswer(req, answer.etag, answer.body);
}

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<Params>({
  // GET /api/v1/experiment/{id}/schedule/{sid} — deleted schedules included
  GET: allow("viewer", async ({ req, params }) => {
    const answer = await services().schedules.answer(params.id, params.sid);
    return jsonAnswer(req, answer.etag, answer.body);
  }),
  // PUT /api/v1/experiment/{id}/schedule/{sid} — Kallisti's omitted fields reset; Eris's extensions kept
  PUT: allow("operator", async ({ req, params, principal }) => {
    await services().schedules.get(params.id, params.sid);
    const input = await readBody(req, replaceScheduleSchema);
    checkSteps(await getToolbox(), { guards: input.guards });
    return present(req, await services().schedules.update(params.id, params.sid, input, principal.actor));
  }),
  // PATCH /api/v1/experiment/{id}/schedule/{sid}
  PATCH: allow("operator", async ({ req, params, principal }) => {
    await services().schedules.get(params.id, params.sid);
    const input = await readBody(req, patchScheduleSchema);
    checkSteps(await getToolbox(), { guards: input.guards });
    return present(req, await services().schedules.update(params.id, params.sid, input, principal.actor));
  }),
  // DELETE /api/v1/experiment/{id}/schedule/{sid} — soft delete
  DELETE: allow("operator", async ({ params, principal }) => {
    await services().schedules.delete(params.id, params.sid, principal.actor);
    return noContent();
  }),
});
