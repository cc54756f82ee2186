import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];
export type User = { id: string; email: string; name: string; role: Role; disabled: boolean; created_at: string };
export type NewUser = { email: string; name: string; password: string; role: Role };
export type UserPatch = Partial<{ name: string; password: string; role: Role; disabled: boolean }>;

export const userKeys = { all: ["users"] as const };

export function useUsers() {
  return useQuery({ queryKey: userKeys.all, queryFn: () => apiFetch<User[]>("/api/v1/users") });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => apiFetch<User>("/api/v1/users", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** One per row, so each row shows its own pending state and error. */
export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UserPatch) =>
      apiFetch<User>(`/api/v1/users/${encodeURIComponent(id)}`, { method: "PATCH", body: patch }),
    onSettled: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}
