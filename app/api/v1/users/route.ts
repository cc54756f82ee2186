import { getDb } from "@/db/client";
import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { createUserSchema } from "@/lib/users/schemas";
import { UserService, toPublicUser } from "@/lib/users/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/users — admins only
  GET: allow("admin", async () => json((await new UserService(getDb()).list()).map(toPublicUser))),
  // POST /api/v1/users {"email","name","password","role"}
  POST: allow("admin", async ({ req, principal }) => {
    const input = await readBody(req, createUserSchema);
    return json(toPublicUser(await new UserService(getDb()).create(input, principal.actor)), 201);
  }),
});
