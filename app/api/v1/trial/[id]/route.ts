import { allow, defineRoute, json } from "@/lib/api/route";
import { services } from "@/lib/services";
import { toPublicTrial } from "@/lib/trials/present";

// Trials are immutable (an audit trail): only GET; PUT, PATCH and DELETE answer 405.
export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/trial/{id} — trials of deleted experiments included
  GET: allow("viewer", ({ params }) => json(toPublicTrial(services().trials.get(params.id)))),
});
