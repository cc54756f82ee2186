"use client";

import type { Draft } from "./draft";
import { RowsEditor } from "@/components/ui/rows-editor";

type Props = { draft: Draft; update: (patch: Partial<Draft>) => void; errors: Record<string, string> };

export function ParametersPage({ draft, update, errors }: Props) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Parameters</legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Defaults for the steps’ {"{{ name }}"} placeholders; schedules and “Run now” can override them. Values are read
        as JSON when they parse (5, true, ["a"]), as text otherwise.
      </p>
      {errors.parameters && <p className="text-xs text-red-600 dark:text-red-400">{errors.parameters}</p>}
      <RowsEditor
        rows={draft.parameters}
        onChange={(parameters) => update({ parameters })}
        noun="Parameter"
        keyPlaceholder="seconds"
        valuePlaceholder="5"
      />
    </fieldset>
  );
}
