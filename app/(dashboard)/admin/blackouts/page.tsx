import type { Metadata } from "next";
import { requirePageUser } from "@/components/auth/session-user";
import { BlackoutsView } from "@/components/blackout/blackouts-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Blackout windows" };

/** Everyone may see when chaos is held (the API lets viewers read windows); admins change global ones. */
export default async function BlackoutsPage() {
  const user = await requirePageUser("/admin/blackouts");
  return <BlackoutsView isAdmin={hasRole(user.role, "admin")} canOperate={hasRole(user.role, "operator")} />;
}
