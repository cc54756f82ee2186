import type { Metadata } from "next";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/components/auth/session-user";
import { UsersView } from "@/components/users/users-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("/admin/users");
  if (!hasRole(user.role, "admin")) return <Forbidden need="admin" />;
  return <UsersView currentUserId={user.id} />;
}
