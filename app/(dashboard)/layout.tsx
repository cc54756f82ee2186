import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { REQUEST_PATH_HEADER } from "@/components/auth/callback-url";
import { getSessionUser, needsSetup, signInPath } from "@/components/auth/session-user";
import { Nav } from "@/components/layout/nav";
import { RunnerBanner } from "@/components/runner/runner-banner";
import { getDb } from "@/db/client";
import { runnerStatus } from "@/lib/runner/status";
import { readSignal, toPublicSignal } from "@/lib/signal/service";

/** Every dashboard page needs a signed-in, enabled account; API calls are checked again server-side. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await connection();
  if (needsSetup()) redirect("/setup");
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
    redirect(signInPath(path));
  }
  return (
    <>
      <Nav user={user} signal={toPublicSignal(readSignal(getDb()))} />
      <RunnerBanner initial={runnerStatus(getDb())} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
