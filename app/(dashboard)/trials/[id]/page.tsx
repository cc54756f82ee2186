import type { Metadata } from "next";
import { requirePageUser } from "@/components/auth/session-user";
import { TrialDetailView } from "@/components/trials/trial-detail-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Trial" };

export default async function TrialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/trials/${id}`);
  // Viewers see the trial but not the Stop button; the API refuses them (403) anyway.
  return <TrialDetailView id={id} canStop={hasRole(user.role, "operator")} />;
}
