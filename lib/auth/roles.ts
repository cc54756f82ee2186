import type { Role } from "@/db/schema";

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** viewer < operator < admin: each role can do everything the ones below it can. */
export const hasRole = (have: Role, need: Role) => RANK[have] >= RANK[need];

/** Who made a request, however they authenticated. `actor` is what created_by/initiated_by record. */
export type Principal = {
  userId: string | null;
  actor: string;
  email: string | null;
  name: string;
  role: Role;
  via: "session" | "token" | "jwt";
};
