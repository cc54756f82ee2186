import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/components/auth/session-user";
import { ApiReference } from "@/components/docs/api-reference";
import { PageChrome } from "@/components/layout/page-chrome";

export const metadata: Metadata = { title: "API reference" };

// Public: anyone may read the API reference; a signed-in visitor still gets their own header.
export default async function DocsPage() {
  const user = await getSessionUser();
  return (
    <PageChrome user={user}>
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every operation can be tried here: expand it, press <strong>Try it out</strong>, then <strong>Execute</strong>
          .{" "}
          {user ? (
            <>Calls go out as you ({user.email}), with your session.</>
          ) : (
            <>
              Signed out, calls need an API token: press <strong>Authorize</strong> and paste one (
              <Link className="underline" href="/settings/tokens">
                API tokens
              </Link>{" "}
              makes one).
            </>
          )}
        </p>
      </div>
      <div className="mt-4 rounded-lg bg-white px-2 py-4 text-slate-900">
        <ApiReference />
      </div>
    </PageChrome>
  );
}
