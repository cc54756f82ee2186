import { getDb } from "@/db/client";
import { AppError } from "@/lib/api/errors";
import { allow, defineRoute, json, open, readBody } from "@/lib/api/route";
import { clientIp, loginKeys, throttled, waitMessage } from "@/lib/auth/rate-limit";
import { hasRole } from "@/lib/auth/roles";
import { tokenRequestSchema } from "@/lib/users/schemas";
import { UserService, toPublicToken } from "@/lib/users/service";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/auth/token[?user=<id>] — your tokens (admins: anyone's)
  GET: allow("viewer", async ({ url, principal }) => {
    const requested = url.searchParams.get("user");
    if (requested && requested !== principal.userId && !hasRole(principal.role, "admin")) {
      throw new AppError("forbidden", "You do not have permission to perform this action.");
    }
    const userId = requested ?? principal.userId;
    if (!userId) return json([]);
    return json((await new UserService(getDb()).listTokens(userId)).map(toPublicToken));
  }),
  // POST /api/v1/auth/token {"email","password","name","expires_in_days"} — the token is shown once
  POST: open(async ({ req }) => {
    const input = await readBody(req, tokenRequestSchema);
    const users = new UserService(getDb());
    // The slot is reserved before the password check: parallel guesses cannot all get one.
    const outcome = await throttled(loginKeys(input.email, clientIp(req.headers)), () =>
      users.checkPassword(input.email, input.password),
    );
    if ("retryAfter" in outcome) {
      throw new AppError("too_many_requests", waitMessage(outcome.retryAfter), {
        headers: { "Retry-After": String(outcome.retryAfter) },
      });
    }
    const user = outcome.result;
    if (!user) {
      throw new AppError("unauthorized", "Invalid email or password.", {
        headers: { "WWW-Authenticate": 'Bearer realm="eris"' },
      });
    }
    const { token, raw } = await users.createToken(user.id, input.name, input.expires_in_days, user.email);
    return json({ ...toPublicToken(token), token: raw }, 201);
  }),
});
