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
  placeholders: string[];
  control: ControlProps;
  listId: string;
};

/**
 * One argument's input. Every kind also takes a `{{ parameter }}` string: the API checks templated
 * values only after substitution, so a number field holding "{{ seconds }}" is valid.
 */
export function ArgInput({ schema, value, onChange, placeholders, control, listId }: Props) {
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
  if (kind === "json") return <JsonArg value={value} onChange={onChange} control={control} />;
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

/** Keeps the raw text while it is not valid JSON yet, so typing never loses characters. */
function JsonArg({ value, onChange, control }: Pick<Props, "value" | "onChange" | "control">) {
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 2)));
  const [invalid, setInvalid] = useState(false);
  return (
    <>
      <textarea
        {...control}
        rows={3}
        spellCheck={false}
        className={`${input} font-mono text-xs`}
        value={text}
        aria-invalid={invalid || control["aria-invalid"] ? true : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (!next.trim()) {
            setInvalid(false);
            return onChange(undefined);
          }
          try {
            onChange(JSON.parse(next));
            setInvalid(false);
          } catch {
            const templated = /^\s*\{\{.*\}\}\s*$/.test(next);
            if (templated) onChange(next.trim());
            setInvalid(!templated);
          }
        }}
      />
      {invalid && (
        <p className="text-xs text-amber-700 dark:text-amber-400">Not valid JSON yet: not saved into the step.</p>
      )}
    </>
  );
}
