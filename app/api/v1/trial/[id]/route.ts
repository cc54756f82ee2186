import { jsonAnswer } from "@/lib/api/public-json";
import { allow, defineRoute } from "@/lib/api/route";
import { services } from "@/lib/services";

// Trials are immutable (an audit trail): only GET; PUT, PATCH and DELETE answer 405.
export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/trial/{id} — trials of deleted experiments included
  GET: allow("viewer", async ({ req, params }) => {
    const answer = await services().trials.answer(params.id);
    return jsonAnswer(req, answer.etag, answer.body);
  }),
});
