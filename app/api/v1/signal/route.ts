import { getDb } from "@/db/client";
import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { setSignalSchema } from "@/lib/signal/schemas";
import { readSignal, setSignal, toPublicSignal } from "@/lib/signal/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/signal — the global RUN/PAUSE/STOP state, who set it, when and why
  GET: allow("viewer", async () => json(toPublicSignal(await readSignal(getDb())))),
  // POST /api/v1/signal {"state": "RUN"|"PAUSE"|"STOP", "reason": "..."}
  POST: allow("operator", async ({ req, principal }) => {
    const input = await readBody(req, setSignalSchema);
    return json(toPublicSignal(await setSignal(getDb(), input, principal.actor)));
  }),
});
