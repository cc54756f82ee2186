import type { Metadata } from "next";
import { requirePageUser } from "@/components/auth/session-user";
import { SchedulesView } from "@/components/schedules/schedules-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Schedules" };

export default async function SchedulesPage() {
  const user = await requirePageUser("/schedules");
  return <SchedulesView canOperate={hasRole(user.role, "operator")} />;
}
