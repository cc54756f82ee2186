"use client";

import { useExperiment } from "@/components/experiments/use-experiments";
import { Field } from "@/components/ui/field";
import { RowsEditor } from "@/components/ui/rows-editor";
import type { FieldMessages } from "@/lib/client/api-fetch";
import type { Draft } from "./draft";

type Props = { experimentId: string; draft: Draft; onChange: (patch: Partial<Draft>) => void; errors: FieldMessages };

const legend = "text-sm font-medium text-slate-700 dark:text-slate-300";
const hint = "text-xs text-slate-600 dark:text-slate-400";
const error = "text-xs text-red-700 dark:text-red-400";

/**
 * What every trial of this schedule carries: parameters over the experiment's own (shown, so the
 * names are at hand), and the ticket and metadata Kallisti schedules pass to their trials.
 */
export function RunFields({ experimentId, draft, onChange, errors }: Props) {
  const experiment = useExperiment(experimentId);
  const defaults = Object.entries(experiment.data?.parameters ?? {});
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className={legend}>Parameters</legend>
        <p className={hint}>
          {defaults.length
            ? `The experiment's: ${defaults.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", ")}. A value here replaces it in every run of this schedule.`
            : "The experiment has no parameters of its own; any set here fill its steps' {{ name }} placeholders."}
        </p>
        {errors.parameters && <p className={error}>{errors.parameters}</p>}
        <RowsEditor
          rows={draft.parameters}
          onChange={(parameters) => onChange({ parameters })}
          noun="Parameter"
          keyPlaceholder={defaults[0]?.[0] ?? "seconds"}
          valuePlaceholder="5"
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className={legend}>Ticket</legend>
        <p className={hint}>The change record every trial of this schedule is filed under. Empty: none.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Ticket type"
            value={draft.ticketType}
            onChange={(e) => onChange({ ticketType: e.target.value })}
            placeholder="change"
            error={errors.ticket}
          />
          <Field
            label="Ticket number"
            value={draft.ticketNumber}
            onChange={(e) => onChange({ ticketNumber: e.target.value })}
            placeholder="CHG-1234"
          />
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className={legend}>Metadata</legend>
        <p className={hint}>Labels added to every trial of this schedule.</p>
        {errors.metadata && <p className={error}>{errors.metadata}</p>}
        <RowsEditor
          rows={draft.metadata}
          onChange={(metadata) => onChange({ metadata })}
          noun="Label"
          keyPlaceholder="team"
          valuePlaceholder="payments"
        />
      </fieldset>
    </div>
  );
}
