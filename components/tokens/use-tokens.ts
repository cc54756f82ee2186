import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";

export type ApiToken = {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked: boolean;
};
/** Only the creation answer carries the secret; it is never readable again. */
export type CreatedToken = ApiToken & { token: string };
export type TokenRequest = { email: string; password: string; name: string; expires_in_days: number | null };

export const tokenKeys = { all: ["api-tokens"] as const };

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: () => apiFetch<ApiToken[]>("/api/v1/auth/token") });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenRequest) => apiFetch<CreatedToken>("/api/v1/auth/token", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<ApiToken>(`/api/v1/auth/token/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
