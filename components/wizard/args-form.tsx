"use client";

import { ArgInput, kindOf } from "./arg-input";
import { Labelled } from "./labelled";
import { errorAt } from "./pages";
import type { JsonSchema } from "./use-modules";

type Props = {
  schema: JsonSchema;
  where: Record<string, unknown>;
  onChange: (where: Record<string, unknown>) => void;
  placeholders: string[];
  errors: Record<string, string>;
  /** `steps.0.where`: where this step's argument errors are found. */
  errorBase: string;
  listId: string;
};

/** A form generated from the action's JSON Schema: one labelled input per argument. */
export function ArgsForm({ schema, where, onChange, placeholders, errors, errorBase, listId }: Props) {
  const properties = Object.entries(schema.properties ?? {});
  if (!properties.length) return <p className="text-sm text-slate-500">This action takes no arguments.</p>;
  const required = new Set(schema.required ?? []);
  const set = (key: string, value: unknown) => {
    const next = { ...where };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {properties.map(([key, prop]) => (
        <Labelled
          key={key}
          label={key}
          required={required.has(key)}
          hint={hintFor(prop)}
          error={errorAt(errors, `${errorBase}.${key}`)}
          className={kindOf(prop) === "json" ? "sm:col-span-2" : undefined}
        >
          {(control) => (
            <ArgInput
              schema={prop}
              value={where[key]}
              onChange={(v) => set(key, v)}
              placeholders={placeholders}
              control={control}
              listId={listId}
            />
          )}
        </Labelled>
      ))}
    </div>
  );
}

function hintFor(prop: JsonSchema): string {
  const type = Array.isArray(prop.type) ? prop.type.join(" | ") : (prop.type ?? "any JSON");
  const parts = [prop.description, `${type}${kindOf(prop) === "json" ? " as JSON" : ""}`];
  if (prop.default !== undefined) parts.push(`default ${JSON.stringify(prop.default)}`);
  return parts.filter(Boolean).join(" · ");
}
