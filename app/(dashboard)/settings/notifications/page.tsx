import type { Metadata } from "next";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/components/auth/session-user";
import { NotificationsView } from "@/components/settings/notifications-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requirePageUser("/settings/notifications");
  if (!hasRole(user.role, "admin")) return <Forbidden need="admin" />;
  return <NotificationsView />;
}
