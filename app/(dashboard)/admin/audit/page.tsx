import type { Metadata } from "next";
import { AuditView } from "@/components/audit/audit-view";
import { Forbidden } from "@/components/auth/forbidden";
import { requirePageUser } from "@/components/auth/session-user";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Audit log" };

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

/** A whole number from the query string, clamped; anything unreadable falls back. */
function intParam(raw: string | string[] | undefined, fallback: number, min: number, max: number): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const n = value ? Number(value) : Number.NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePageUser("/admin/audit");
  if (!hasRole(user.role, "admin")) return <Forbidden need="admin" />;
  const params = await searchParams;
  const limit = intParam(params.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = intParam(params.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  return <AuditView limit={limit} offset={offset} />;
}
