/**
 * External JWTs (Kallisti's JWT mode, done right): verified against the identity provider's JWKS
 * (keys fetched and rotated by jose), with audience and issuer checked and base64url decoding.
 * Off unless ERIS_JWT_JWKS_URL is set.
 */
import { createRemoteJWKSet, jwtVerify } from "jose";
import { ROLES, type Role } from "@/db/schema";
import type { Principal } from "./roles";

type Jwks = ReturnType<typeof createRemoteJWKSet>;
let jwks: { url: string; set: Jwks } | undefined;

/**
 * jose caches the keys and fetches them again when a token names an unknown `kid` (key rotation),
 * at most once per cooldown (ERIS_JWT_JWKS_COOLDOWN_MS, 30 s by default).
 */
function keySet(url: string, cooldownMs: number): Jwks {
  if (jwks?.url !== url) jwks = { url, set: createRemoteJWKSet(new URL(url), { cooldownDuration: cooldownMs }) };
  return jwks.set;
}

export async function verifyExternalJwt(
  token: string,
  env: Record<string, string | undefined> = process.env,
): Promise<Principal | null> {
  const url = env.ERIS_JWT_JWKS_URL;
  if (!url || token.split(".").length !== 3) return null;
  try {
    const { payload } = await jwtVerify(token, keySet(url, Number(env.ERIS_JWT_JWKS_COOLDOWN_MS ?? 30_000)), {
      audience: env.ERIS_JWT_AUDIENCE || undefined,
      issuer: env.ERIS_JWT_ISSUER || undefined,
    });
    const userClaim = env.ERIS_JWT_USER_CLAIM || "sub";
    const actor = payload[userClaim];
    if (typeof actor !== "string" || !actor) return null;
    const roleClaim = env.ERIS_JWT_ROLE_CLAIM ? payload[env.ERIS_JWT_ROLE_CLAIM] : undefined;
    const fallback = (env.ERIS_JWT_DEFAULT_ROLE as Role) ?? "viewer";
    const role =
      typeof roleClaim === "string" && ROLES.includes(roleClaim as Role)
        ? (roleClaim as Role)
        : ROLES.includes(fallback)
          ? fallback
          : "viewer";
    const email = typeof payload.email === "string" ? payload.email : null;
    return {
      userId: null,
      actor,
      email,
      name: typeof payload.name === "string" ? payload.name : actor,
      role,
      via: "jwt",
    };
  } catch {
    return null;
  }
}
