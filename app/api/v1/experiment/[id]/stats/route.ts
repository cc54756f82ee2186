import { allow, defineRoute, json } from "@/lib/api/route";
import { services } from "@/lib/services";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/experiment/{id}/stats — the resilience score from recent trials, and its trend
  GET: allow("viewer", async ({ params }) => {
    const { experiments, trials } = services();
    return json(await trials.stats((await experiments.get(params.id)).id));
  }),
});
