import type { Metadata } from "next";
import { requirePageUser } from "@/components/auth/session-user";
import { ExperimentsView } from "@/components/experiments/experiments-view";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Experiments" };

type Params = Record<string, string | string[] | undefined>;
const text = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";

/** A whole number from the query string, clamped; anything unreadable falls back. */
function intParam(raw: string | string[] | undefined, fallback: number, min: number, max: number) {
  const n = Number(text(raw) || Number.NaN);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export default async function ExperimentsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePageUser("/experiments");
  const params = await searchParams;
  const query = {
    search: text(params.search),
    label: text(params.label),
    limit: intParam(params.limit, 20, 1, 100),
    offset: intParam(params.offset, 0, 0, Number.MAX_SAFE_INTEGER),
  };
  return <ExperimentsView query={query} canWrite={hasRole(user.role, "operator")} />;
}
