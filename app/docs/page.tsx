import type { Metadata } from "next";
import { getSessionUser } from "@/components/auth/session-user";
import { ApiReference } from "@/components/docs/api-reference";
import { Nav } from "@/components/layout/nav";
import { getDb } from "@/db/client";
import { readSignal, toPublicSignal } from "@/lib/signal/service";

export const metadata: Metadata = { title: "API reference" };

// Public: anyone may read the API reference; a signed-in visitor still gets their own header.
export default async function DocsPage() {
  const user = await getSessionUser();
  return (
    <>
      <Nav user={user} signal={user ? toPublicSignal(readSignal(getDb())) : undefined} />
      <main className="mx-auto max-w-6xl bg-white px-2 py-4">
        <ApiReference />
      </main>
    </>
  );
}
