import type { Metadata } from "next";
import { requirePageUser } from "@/components/auth/session-user";
import { DEFAULT_LIMIT } from "@/components/trials/list-href";
import { TrialsView } from "@/components/trials/trials-view";

export const metadata: Metadata = { title: "Trials" };

const MAX_LIMIT = 100;

type Params = Record<string, string | string[] | undefined>;
const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw) || undefined;

/** A whole number from the query string, clamped; anything unreadable falls back. */
function intParam(raw: string | string[] | undefined, fallback: number, min: number, max: number): number {
  const value = first(raw);
  const n = value ? Number(value) : Number.NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export default async function TrialsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageUser("/trials");
  const params = await searchParams;
  const filters = {
    experiment: first(params.experiment),
    status: first(params.status),
    schedule: first(params.schedule),
    since: first(params.since),
    until: first(params.until),
  };
  const limit = intParam(params.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = intParam(params.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  return <TrialsView filters={filters} limit={limit} offset={offset} />;
}
