import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { REQUEST_PATH_HEADER } from "@/components/auth/callback-url";
import { getSessionUser, needsSetup, signInPath } from "@/components/auth/session-user";
import { PageChrome } from "@/components/layout/page-chrome";

/** Every dashboard page needs a signed-in, enabled account; API calls are checked again server-side. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await connection();
  if (await needsSetup()) redirect("/setup");
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
    redirect(signInPath(path));
  }
  return <PageChrome user={user}>{children}</PageChrome>;
}
