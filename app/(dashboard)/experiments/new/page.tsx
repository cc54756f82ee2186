import type { Metadata } from "next";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/components/auth/session-user";
import { ExperimentWizard } from "@/components/wizard/experiment-wizard";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "New experiment" };

export default async function NewExperimentPage() {
  const user = await requirePageUser("/experiments/new");
  if (!hasRole(user.role, "operator")) return <Forbidden need="operator" />;
  return <ExperimentWizard />;
}
