"use client";

import { button, input } from "@/components/ui/styles";
import { type ExpectRow, newId } from "./draft";

type Props = {
  rows: ExpectRow[];
  operators: string[];
  onChange: (rows: ExpectRow[]) => void;
  errors: Record<string, string>;
  errorBase: string;
  stepLabel: string;
};

/** Each row becomes `{"operator": op, "<JSONPath into the result>": expected}`. */
export function ExpectEditor({ rows, operators, onChange, errors, errorBase, stepLabel }: Props) {
  const update = (id: string, patch: Partial<ExpectRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Expectations</legend>
      {rows.length === 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">None: the step passes when the action succeeds.</p>
      )}
      {rows.map((row, i) => {
        const label = `${stepLabel} expectation ${i + 1}`;
        const error = errors[`${errorBase}.${i}`];
        return (
          <div key={row.id} className="space-y-1">
            <div className="grid grid-cols-[6rem_1fr] gap-2 sm:grid-cols-[6rem_1fr_1fr_auto]">
              <select
                aria-label={`${label} operator`}
                className={input}
                value={row.operator}
                onChange={(e) => update(row.id, { operator: e.target.value })}
              >
                {operators.map((op) => (
                  <option key={op}>{op}</option>
                ))}
              </select>
              <input
                aria-label={`${label} key`}
                aria-invalid={error ? true : undefined}
                placeholder="status_code or response.status"
                className={input}
                value={row.path}
                onChange={(e) => update(row.id, { path: e.target.value })}
              />
              <input
                aria-label={`${label} value`}
                placeholder="200"
                className={`${input} col-span-2 sm:col-span-1`}
                value={row.value}
                onChange={(e) => update(row.id, { value: e.target.value })}
              />
              <button
                type="button"
                className={button.secondary}
                aria-label={`Remove ${label}`}
                onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
              >
                Remove
              </button>
            </div>
            {error && <p className="text-xs text-red-600 dark:text-red-400">{error}</p>}
          </div>
        );
      })}
      <button
        type="button"
        className={button.secondary}
        onClick={() => onChange([...rows, { id: newId(), operator: operators[0] ?? "eq", path: "", value: "" }])}
      >
        Add expectation
      </button>
    </fieldset>
  );
}
