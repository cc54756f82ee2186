import type { Metadata } from "next";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/components/auth/session-user";
import { ImportView } from "@/components/experiments/import-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Import an experiment" };

export default async function ImportExperimentPage() {
  const user = await requirePageUser("/experiments/import");
  if (!hasRole(user.role, "operator")) return <Forbidden need="operator" />;
  return <ImportView />;
}
