/**
 * Server side only: who is signed in, read fresh from the database on every request (the session
 * JWT holds only the user id, so a role change or a disabled account applies at once).
 * `cache` lets the layout and the page share one lookup per request.
 */
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { authOptions } from "@/lib/auth/options";
import { UserService } from "@/lib/users/service";

/** Only what the client renders: never the row, which carries the password hash. */
export type SessionUser = { id: string; email: string; name: string; role: Role };

export const needsSetup = cache(async (): Promise<boolean> => (await new UserService(getDb()).count()) === 0);

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: unknown } | null;
  if (typeof session?.uid !== "string") return null;
  const row = await new UserService(getDb()).find(session.uid);
  if (!row || row.disabledAt !== null) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
});

export const signInPath = (returnTo: string) => `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;

/**
 * For pages: the layout's check does not run again on client-side navigation between dashboard
 * pages, so a page that depends on who is asking checks for itself.
 */
export async function requirePageUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath(path));
  return user;
}
