"use client";

import { button, input } from "./styles";

/** One key/value row; the id keeps each input's focus and state while rows come and go. */
export type Row = { id: string; key: string; value: string };

// A per-load prefix: rows restored from a stored draft bring ids of their own.
const LOAD = Math.random().toString(36).slice(2, 7);
let counter = 0;
export const newRowId = () => `r${LOAD}${++counter}`;

/** Text read as JSON when it parses (5, true, [1]), as a plain string otherwise. */
export function readValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The inverse of readValue: a string that would read back as something else ("5") keeps its quotes. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return typeof readValue(value) === "string" ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

export const toRows = (record: Record<string, unknown>): Row[] =>
  Object.entries(record).map(([key, value]) => ({ id: newRowId(), key, value: showValue(value) }));

export const fromRows = (rows: Row[]) =>
  Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), readValue(r.value)]));

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
        <div key={row.id} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] gap-2">
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
        onClick={() => onChange([...rows, { id: newRowId(), key: "", value: "" }])}
      >
        Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
