/**
 * next-auth (v4) configuration: email + password against the users table, and an optional OIDC
 * provider for teams with an identity provider (ERIS_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET).
 * Sessions are JWTs holding only the user id; the role is read fresh on every request.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { ROLES, type Role, users as usersTable } from "@/db/tables";
import { recordAudit } from "@/lib/audit/service";
import { newId } from "@/lib/ids";
import { UserService } from "@/lib/users/service";
import { clientIp, loginKeys, throttled, waitMessage } from "./rate-limit";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

function oidcProvider(): NextAuthOptions["providers"] {
  const issuer = process.env.ERIS_OIDC_ISSUER;
  const clientId = process.env.ERIS_OIDC_CLIENT_ID;
  const clientSecret = process.env.ERIS_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "oidc",
      name: process.env.ERIS_OIDC_NAME || "Single sign-on",
      type: "oauth",
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId,
      clientSecret,
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      profile: (p: { sub: string; email?: string; name?: string }) => ({
        id: p.sub,
        email: p.email ?? null,
        name: p.name ?? p.email ?? p.sub,
      }),
    },
  ];
}

const oidcDefaultRole = (): Role => {
  const r = process.env.ERIS_OIDC_DEFAULT_ROLE as Role | undefined;
  return r && ROLES.includes(r) ? r : "viewer";
};

export function authOptions(): NextAuthOptions {
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, req) => {
          const email = String(credentials?.email ?? "")
            .trim()
            .toLowerCase();
          const password = String(credentials?.password ?? "");
          if (!email || !password) return null;
          const keys = loginKeys(email, clientIp(new Headers((req?.headers ?? {}) as Record<string, string>)));
          // Reserved before the password check, as for POST /auth/token.
          const outcome = await throttled(keys, () => new UserService(getDb()).checkPassword(email, password));
          if ("retryAfter" in outcome) throw new Error(waitMessage(outcome.retryAfter));
          const user = outcome.result;
          if (!user) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      // OIDC users get an account on first sign-in (ERIS_OIDC_DEFAULT_ROLE, viewer by default).
      signIn: async ({ user, account }) => {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return false;
        const users = new UserService(getDb());
        const existing = await users.byEmail(user.email);
        if (existing) return existing.disabledAt === null;
        await getDb().transaction(async (tx) => {
          const id = newId();
          await tx
            .insert(usersTable)
            .values({ id, email: user.email!.toLowerCase(), name: user.name ?? "", role: oidcDefaultRole() });
          await recordAudit(tx, {
            actor: user.email!,
            action: "user.create",
            targetType: "user",
            targetId: id,
            after: { email: user.email, via: "oidc" },
          });
        });
        return true;
      },
      jwt: async ({ token, user }) => {
        if (user?.email) {
          const row = await new UserService(getDb()).byEmail(user.email);
          if (row) token.uid = row.id;
        }
        return token;
      },
      session: async ({ session, token }) => ({ ...session, uid: token.uid }),
    },
  };
}
