/**
 * Who is calling: an API token (`Authorization: Bearer eris_…`), an external JWT verified against
 * a JWKS (Kallisti's mode, done right), or the dashboard's next-auth session cookie.
 */
import { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/api/errors";
import { UserService, TOKEN_PREFIX } from "@/lib/users/service";
import { verifyExternalJwt } from "./jwt";
import type { Principal } from "./roles";

export const UNAUTHENTICATED = "Authentication credentials were not provided.";

const unauthorized = (detail: string) =>
  new AppError("unauthorized", detail, { headers: { "WWW-Authenticate": 'Bearer realm="eris"' } });

export async function authenticate(req: Request): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!m) throw unauthorized('Invalid Authorization header: expected "Bearer <token>".');
    const raw = m[1];
    if (raw.startsWith(TOKEN_PREFIX)) {
      const found = await new UserService(getDb()).userForToken(raw);
      if (!found) throw unauthorized("Invalid token: unknown, revoked or expired.");
      const { user } = found;
      return { userId: user.id, actor: user.email, email: user.email, name: user.name, role: user.role, via: "token" };
    }
    const jwt = await verifyExternalJwt(raw);
    if (jwt) return jwt;
    throw unauthorized("Invalid token.");
  }
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || !(req.headers.get("cookie") ?? "").includes("session-token")) return null;
  // Only the headers: building a NextRequest from `req` itself would consume the body the route reads.
  const session = await getToken({ req: new NextRequest(req.url, { headers: req.headers }) as never, secret });
  const uid = typeof session?.uid === "string" ? session.uid : null;
  if (!uid) return null;
  const user = await new UserService(getDb()).find(uid);
  if (!user || user.disabledAt !== null) return null;
  return { userId: user.id, actor: user.email, email: user.email, name: user.name, role: user.role, via: "session" };
}

export function requireAuthenticated(p: Principal | null): Principal {
  if (!p) throw unauthorized(UNAUTHENTICATED);
  return p;
}
