"use client";

import { input } from "@/components/ui/styles";
import type { Draft } from "./draft";
import { Labelled } from "./labelled";
import { RowsEditor } from "@/components/ui/rows-editor";

type Props = { draft: Draft; update: (patch: Partial<Draft>) => void; errors: Record<string, string> };

export function BasicsPage({ draft, update, errors }: Props) {
  return (
    <div className="space-y-4">
      <Labelled label="Name" required error={errors.name}>
        {(control) => (
          <input
            {...control}
            data-autofocus
            className={input}
            maxLength={150}
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
          />
        )}
      </Labelled>
      <Labelled label="Description" error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            className={input}
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
          />
        )}
      </Labelled>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Metadata labels</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">The list filters on these, as key or key:value.</p>
        {errors.metadata && <p className="text-xs text-red-600 dark:text-red-400">{errors.metadata}</p>}
        <RowsEditor
          rows={draft.metadata}
          onChange={(metadata) => update({ metadata })}
          noun="Label"
          keyPlaceholder="team"
          valuePlaceholder="payments"
        />
      </fieldset>
    </div>
  );
}
