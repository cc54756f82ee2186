import { allow, defineRoute, json } from "@/lib/api/route";

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  // GET /api/v1/auth/me — who you are and what you may do
  GET: allow("viewer", ({ principal }) =>
    json({
      id: principal.userId,
      email: principal.email,
      name: principal.name,
      role: principal.role,
      via: principal.via,
    }),
  ),
});
