import type { Metadata } from "next";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/components/auth/session-user";
import { EditScheduleView } from "@/components/schedules/edit-schedule-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Edit schedule" };

type Props = { params: Promise<{ experimentId: string; scheduleId: string }> };

export default async function EditSchedulePage({ params }: Props) {
  const { experimentId, scheduleId } = await params;
  const user = await requirePageUser(`/schedules/${experimentId}/${scheduleId}`);
  // Viewers read schedules on /schedules; this page is the editor, so it needs the role that may write.
  if (!hasRole(user.role, "operator")) return <Forbidden need="operator" />;
  return <EditScheduleView experimentId={experimentId} scheduleId={scheduleId} />;
}
