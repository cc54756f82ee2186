import type { Metadata } from "next";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/components/auth/session-user";
import { NewScheduleView } from "@/components/schedules/new-schedule-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "New schedule" };

type Props = { searchParams: Promise<{ experiment?: string | string[] }> };

export default async function NewSchedulePage({ searchParams }: Props) {
  const { experiment } = await searchParams;
  const experimentId = Array.isArray(experiment) ? experiment[0] : experiment;
  const user = await requirePageUser(
    `/schedules/new${experimentId ? `?experiment=${encodeURIComponent(experimentId)}` : ""}`,
  );
  if (!hasRole(user.role, "operator")) return <Forbidden need="operator" />;
  // Keyed so picking another experiment starts a fresh form.
  return <NewScheduleView key={experimentId ?? ""} experimentId={experimentId || undefined} />;
}
