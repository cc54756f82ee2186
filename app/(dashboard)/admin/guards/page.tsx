import type { Metadata } from "next";
import { requirePageUser } from "@/components/auth/session-user";
import { GuardsView } from "@/components/guards/guards-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Global guards" };

/** Everyone may see what sets the signal (the API lets viewers read guards); admins change them. */
export default async function GuardsPage() {
  const user = await requirePageUser("/admin/guards");
  return <GuardsView isAdmin={hasRole(user.role, "admin")} />;
}
