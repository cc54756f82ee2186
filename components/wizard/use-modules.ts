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
};
export type Action = { name: string; do: string; description: string; args_schema: JsonSchema };
export type CredentialType = { type: string; description: string; fields: Record<string, string> };
export type Catalogue = {
  modules: { namespace: string; description: string; actions: Action[] }[];
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
