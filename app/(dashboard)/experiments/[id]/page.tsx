import type { Metadata } from "next";
import { requirePageUser } from "@/components/auth/session-user";
import { ExperimentDetail } from "@/components/experiments/experiment-detail";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Experiment" };

export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/experiments/${id}`);
  return (
    <ExperimentDetail id={id} canWrite={hasRole(user.role, "operator")} canOverride={hasRole(user.role, "admin")} />
  );
}
