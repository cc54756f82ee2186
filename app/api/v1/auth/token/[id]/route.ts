import { getDb } from "@/db/client";
import { AppError } from "@/lib/api/errors";
import { allow, defineRoute, json } from "@/lib/api/route";
import { hasRole } from "@/lib/auth/roles";
import { UserService, toPublicToken } from "@/lib/users/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // DELETE /api/v1/auth/token/{id} — revoke (your own; admins: anyone's)
  DELETE: allow("viewer", async ({ params, principal }) => {
    const users = new UserService(getDb());
    const token = await users.getToken(params.id);
    if (token.userId !== principal.userId && !hasRole(principal.role, "admin"))
      throw new AppError("not_found", "Not found.");
    return json(toPublicToken(await users.revokeToken(token.id, principal.actor)));
  }),
});
