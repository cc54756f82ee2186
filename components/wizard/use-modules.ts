import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";

/** The subset of JSON Schema that zod's toJSONSchema produces for action arguments. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  format?: string;
  /** "connection": how to reach the system rather than what to act on (the form folds these away). */
  "x-eris-group"?: string;
};
export type Action = { name: string; do: string; description: string; args_schema: JsonSchema };
export type CredentialType = { type: string; description: string; fields: Record<string, string> };
export type Catalogue = {
  /** `alias_of`: another name for that namespace's module (Kallisti's `istio` is `k8s`). */
  modules: { namespace: string; description: string; alias_of: string | null; actions: Action[] }[];
  credentials: CredentialType[];
  expect_operators: string[];
};

export const moduleKeys = { catalogue: ["modules"] as const };

/** The catalogue changes only when the server restarts with other plug-ins: fetch it once per tab. */
export function useModules() {
  return useQuery({
    queryKey: moduleKeys.catalogue,
    queryFn: () => apiFetch<Catalogue>("/api/v1/modules"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const findAction = (catalogue: Catalogue | undefined, action: string) =>
  catalogue?.modules.flatMap((m) => m.actions).find((a) => a.do === action);
