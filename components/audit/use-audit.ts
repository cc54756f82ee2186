import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/client/api-fetch";
import type { AuditSummary } from "./change-summary";

export type AuditEvent = {
  id: string;
  at: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: AuditSummary | null;
};

export const auditKeys = {
  all: ["audit"] as const,
  page: (limit: number, offset: number) => [...auditKeys.all, { limit, offset }] as const,
};

/** One page of the audit log (newest first) and the total the API reports in X-Total-Count. */
export function useAudit(limit: number, offset: number) {
  return useQuery({
    queryKey: auditKeys.page(limit, offset),
    queryFn: async () => {
      const { data, headers } = await apiRequest<AuditEvent[]>(`/api/v1/audit?limit=${limit}&offset=${offset}`);
      return { events: data, total: Number(headers.get("X-Total-Count") ?? data.length) };
    },
    placeholderData: keepPreviousData, // keep the table steady while the next page loads
  });
}
