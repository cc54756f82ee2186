import type { Metadata } from "next";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/components/auth/session-user";
import { EditExperiment } from "@/components/wizard/edit-experiment";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Edit experiment" };

export default async function EditExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/experiments/${id}/edit`);
  if (!hasRole(user.role, "operator")) return <Forbidden need="operator" />;
  return <EditExperiment id={id} />;
}
