"use client";

import { ArgInput, kindOf } from "./arg-input";
import { Labelled } from "./labelled";
import { errorAt } from "./pages";
import type { JsonSchema } from "./use-modules";

type Props = {
  schema: JsonSchema;
  where: Record<string, unknown>;
  /** Arguments whose JSON text does not parse yet, by name. */
  raw: Record<string, string>;
  onChange: (where: Record<string, unknown>, raw: Record<string, string>) => void;
  placeholders: string[];
  errors: Record<string, string>;
  /** `steps.0.where`: where this step's argument errors are found. */
  errorBase: string;
  listId: string;
};

/** Arguments a module marks as how to reach the system (cluster, API URL), not what to act on. */
const isConnection = (prop: JsonSchema) => prop["x-eris-group"] === "connection";

/**
 * A form generated from the action's JSON Schema: one labelled input per argument, required ones
 * first, then what to act on, then, folded away, how to connect (open when one of them is set).
 */
export function ArgsForm({ schema, where, raw, onChange, placeholders, errors, errorBase, listId }: Props) {
  const properties = Object.entries(schema.properties ?? {});
  if (!properties.length)
    return <p className="text-sm text-slate-600 dark:text-slate-400">This action takes no arguments.</p>;
  const required = new Set(schema.required ?? []);
  const main = [
    ...properties.filter(([key]) => required.has(key)),
    ...properties.filter(([key, prop]) => !required.has(key) && !isConnection(prop)),
  ];
  const connection = properties.filter(([key, prop]) => !required.has(key) && isConnection(prop));
  const set = (key: string, value: unknown, text?: string) => {
    const nextWhere = { ...where };
    const nextRaw = { ...raw };
    if (text !== undefined) nextRaw[key] = text;
    else {
      delete nextRaw[key];
      if (value === undefined) delete nextWhere[key];
      else nextWhere[key] = value;
    }
    onChange(nextWhere, nextRaw);
  };
  const field = ([key, prop]: [string, JsonSchema]) => (
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
          raw={raw[key]}
          onRaw={(text) => set(key, undefined, text)}
          placeholders={placeholders}
          control={control}
          listId={listId}
        />
      )}
    </Labelled>
  );
  const connectionSet = connection.some(([key]) => where[key] !== undefined || errorAt(errors, `${errorBase}.${key}`));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">{main.map(field)}</div>
      {connection.length > 0 && (
        <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700" open={connectionSet}>
          <summary className="cursor-pointer text-sm font-medium">
            Connection (optional: the defaults reach the usual place)
          </summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">{connection.map(field)}</div>
        </details>
      )}
    </div>
  );
}

function hintFor(prop: JsonSchema): string {
  const type = Array.isArray(prop.type) ? prop.type.join(" | ") : (prop.type ?? "any JSON");
  const parts = [prop.description, `${type}${kindOf(prop) === "json" ? " as JSON" : ""}`];
  if (prop.default !== undefined) parts.push(`default ${JSON.stringify(prop.default)}`);
  return parts.filter(Boolean).join(" · ");
}
