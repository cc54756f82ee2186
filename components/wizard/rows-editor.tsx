"use client";

import { button, input } from "@/components/ui/styles";
import { newId, type Row } from "./draft";

type Props = {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  noun: string;
  keyPlaceholder: string;
  valuePlaceholder: string;
};

/** Key/value rows for metadata labels and parameters; values read as JSON when they parse (5, true). */
export function RowsEditor({ rows, onChange, noun, keyPlaceholder, valuePlaceholder }: Props) {
  const update = (id: string, patch: Partial<Row>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <div className="space-y-2">
      {rows.map((row, i) => (
        <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] gap-2">
          <input
            aria-label={`${noun} ${i + 1} name`}
            className={input}
            placeholder={keyPlaceholder}
            value={row.key}
            onChange={(e) => update(row.id, { key: e.target.value })}
          />
          <input
            aria-label={`${noun} ${i + 1} value`}
            className={input}
            placeholder={valuePlaceholder}
            value={row.value}
            onChange={(e) => update(row.id, { value: e.target.value })}
          />
          <button
            type="button"
            className={button.secondary}
            aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
            onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className={button.secondary}
        onClick={() => onChange([...rows, { id: newId(), key: "", value: "" }])}
      >
        Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
