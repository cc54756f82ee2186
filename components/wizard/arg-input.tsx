"use client";

import { useState } from "react";
import { input } from "@/components/ui/styles";
import type { ControlProps } from "./labelled";
import type { JsonSchema } from "./use-modules";

type Kind = "text" | "number" | "choice" | "json";
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function kindOf(schema: JsonSchema): Kind {
  const type = Array.isArray(schema.type) ? undefined : schema.type;
  if (schema.enum || type === "boolean") return "choice";
  if (type === "number" || type === "integer") return "number";
  if (type === "string") return "text";
  return "json"; // objects, arrays, unions and untyped values
}

type Props = {
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  /** JSON text that does not parse yet (kept in the draft), or undefined. */
  raw?: string;
  /** Keeps text that does not parse; `onChange` (a value) clears it. */
  onRaw: (text: string) => void;
  placeholders: string[];
  control: ControlProps;
  listId: string;
};

/**
 * One argument's input. Every kind also takes a `{{ parameter }}` string: the API checks templated
 * values only after substitution, so a number field holding "{{ seconds }}" is valid.
 */
export function ArgInput({ schema, value, onChange, raw, onRaw, placeholders, control, listId }: Props) {
  const kind = kindOf(schema);
  if (kind === "choice") {
    const options = [...(schema.enum ?? [true, false]), ...placeholders];
    const current = options.indexOf(value);
    return (
      <select
        {...control}
        className={input}
        value={current < 0 ? "" : String(current)}
        onChange={(e) => onChange(e.target.value === "" ? undefined : options[Number(e.target.value)])}
      >
        <option value="">{schema.default === undefined ? "—" : `Default (${String(schema.default)})`}</option>
        {options.map((o, i) => (
          <option key={String(o)} value={String(i)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  }
  if (kind === "json") return <JsonArg value={value} onChange={onChange} raw={raw} onRaw={onRaw} control={control} />;
  return (
    <input
      {...control}
      className={input}
      list={listId}
      inputMode={kind === "number" ? "decimal" : undefined}
      value={value === undefined ? "" : String(value)}
      placeholder={schema.default === undefined ? undefined : String(schema.default)}
      onChange={(e) => {
        const text = e.target.value;
        if (text === "") onChange(undefined);
        else onChange(kind === "number" && NUMBER.test(text.trim()) ? Number(text) : text);
      }}
    />
  );
}

/**
 * Objects, arrays and other JSON, typed as text. Text that does not parse is kept as typed (in the
 * draft, so it survives page changes and reloads) and blocks saving with an error on this field;
 * a value that is one `{{ parameter }}` is taken as is.
 */
function JsonArg({
  value,
  onChange,
  raw,
  onRaw,
  control,
}: Pick<Props, "value" | "onChange" | "raw" | "onRaw" | "control">) {
  const [text, setText] = useState(() => raw ?? (value === undefined ? "" : JSON.stringify(value, null, 2)));
  return (
    <>
      <textarea
        {...control}
        rows={3}
        spellCheck={false}
        className={`${input} font-mono text-xs`}
        value={text}
        aria-invalid={raw !== undefined || control["aria-invalid"] ? true : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (!next.trim()) return onChange(undefined);
          try {
            onChange(JSON.parse(next));
          } catch {
            if (/^\s*\{\{.*\}\}\s*$/.test(next)) onChange(next.trim());
            else onRaw(next);
          }
        }}
      />
      {raw !== undefined && !control["aria-invalid"] && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Not valid JSON yet: the experiment cannot be saved until it is.
        </p>
      )}
    </>
  );
}
