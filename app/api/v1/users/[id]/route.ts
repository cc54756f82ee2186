import { getDb } from "@/db/client";
import { allow, defineRoute, json, readBody } from "@/lib/api/route";
import { updateUserSchema } from "@/lib/users/schemas";
import { UserService, toPublicUser } from "@/lib/users/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/users/{id}
  GET: allow("admin", async ({ params }) => json(toPublicUser(await new UserService(getDb()).get(params.id)))),
  // PATCH /api/v1/users/{id} {"name","password","role","disabled"}
  PATCH: allow("admin", async ({ req, params, principal }) => {
    const users = new UserService(getDb());
    await users.get(params.id);
    const input = await readBody(req, updateUserSchema);
    return json(toPublicUser(await users.update(params.id, input, principal.actor)));
  }),
});
