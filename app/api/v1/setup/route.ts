import { getDb } from "@/db/client";
import { defineRoute, json, open, readBody } from "@/lib/api/route";
import { setupSchema } from "@/lib/users/schemas";
import { UserService, toPublicUser } from "@/lib/users/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/setup — whether the first administrator still has to be created
  GET: open(async () => json({ needs_setup: (await new UserService(getDb()).count()) === 0 })),
  // POST /api/v1/setup — first run only: create the first administrator (403 once one exists)
  POST: open(async ({ req }) => {
    const input = await readBody(req, setupSchema);
    return json(toPublicUser(await new UserService(getDb()).createFirstAdmin(input)), 201);
  }),
});
