import { connection } from "next/server";
import { requirePageUser } from "@/components/auth/session-user";
import { HomeView } from "@/components/home/home-view";
import { hasRole } from "@/lib/auth/roles";
import { services } from "@/lib/services";

export default async function HomePage() {
  await connection(); // per request, never prerendered at build time
  const user = await requirePageUser("/");
  const { experiments, trials } = services();
  const counts = {
    experiments: (await experiments.list({ limit: 1, offset: 0 })).total,
    trials: (await trials.list({}, { limit: 1, offset: 0 })).total,
  };
  return <HomeView counts={counts} canWrite={hasRole(user.role, "operator")} />;
}
