import type { ReactNode } from "react";
import type { SessionUser } from "@/components/auth/session-user";
import { RunnerBanner } from "@/components/runner/runner-banner";
import { SignalBanner } from "@/components/signal/signal-banner";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { runnerStatus } from "@/lib/runner/status";
import { readSignal, toPublicSignal } from "@/lib/signal/service";
import { Nav } from "./nav";
import { SkipLink } from "./skip-link";

/**
 * Every signed-in page's frame: the skip link, the header, the warnings that concern everyone (no
 * runner; PAUSE or STOP holding), then the page in <main>. Signed out, only the header.
 */
export async function PageChrome({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  const signal = user ? toPublicSignal(await readSignal(getDb())) : undefined;
  const runner = user ? await runnerStatus(getDb()) : undefined;
  return (
    <>
      <SkipLink />
      <Nav user={user} signal={signal} />
      {user && runner && (
        <div className="z-20 sm:sticky sm:top-0">
          <SignalBanner initial={signal} canOperate={hasRole(user.role, "operator")} />
          <RunnerBanner initial={runner} />
        </div>
      )}
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none sm:py-8">
        {children}
      </main>
    </>
  );
}
