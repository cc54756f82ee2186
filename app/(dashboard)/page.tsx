import { connection } from "next/server";
import { HomeView } from "@/components/home/home-view";
import { services } from "@/lib/services";

export default async function HomePage() {
  await connection(); // per request, never prerendered at build time
  const { experiments, trials } = services();
  const counts = {
    experiments: experiments.list({ limit: 1, offset: 0 }).total,
    trials: trials.list({}, { limit: 1, offset: 0 }).total,
  };
  return <HomeView counts={counts} />;
}
