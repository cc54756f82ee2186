import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";
import { Nav } from "@/components/layout/nav";

export const metadata: Metadata = { title: "API reference" };

export default function DocsPage() {
  return (
    <>
      <Nav />
      <main className="mx-auto max-w-6xl bg-white px-2 py-4">
        <ApiReference />
      </main>
    </>
  );
}
