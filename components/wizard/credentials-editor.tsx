"use client";

import { input } from "@/components/ui/styles";
import { Labelled } from "./labelled";
import { errorAt } from "./pages";
import type { CredentialType } from "./use-modules";

type Props = {
  types: CredentialType[];
  value: unknown;
  onChange: (value: Record<string, unknown> | undefined) => void;
  errors: Record<string, string>;
  errorBase: string;
};

/** `where.credentials`: resolved by the runner when the step runs, so only names and paths go here. */
export function CredentialsEditor({ types, value, onChange, errors, errorBase }: Props) {
  const block = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const type = typeof block.type === "string" ? block.type : "";
  const selected = types.find((t) => t.type === type);
  const error = errorAt(errors, errorBase);
  return (
    <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700" open={Boolean(type || error)}>
      <summary className="cursor-pointer text-sm font-medium">Credentials (optional)</summary>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <Labelled label="Credential type" hint={selected?.description} error={error}>
          {(control) => (
            <select
              {...control}
              className={input}
              value={type}
              onChange={(e) => onChange(e.target.value ? { type: e.target.value } : undefined)}
            >
              <option value="">None</option>
              {types.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.type}
                </option>
              ))}
              {type && !selected && <option value={type}>{type} (unknown)</option>}
            </select>
          )}
        </Labelled>
        {Object.entries(selected?.fields ?? {}).map(([field, description]) => (
          <Labelled key={field} label={field} hint={description}>
            {(control) => (
              <input
                {...control}
                className={input}
                value={typeof block[field] === "string" ? (block[field] as string) : ""}
                onChange={(e) => onChange({ ...block, [field]: e.target.value })}
              />
            )}
          </Labelled>
        ))}
      </div>
    </details>
  );
}
