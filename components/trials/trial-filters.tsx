"use client";

import { type FormEvent, useState } from "react";
import { Field, FormError, SelectField } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { isUuid } from "./format";
import { ScheduleSelect } from "./schedule-select";
import { isoToLocalInput, localInputToIso } from "./local-time";
import { TRIAL_STATUSES } from "./types";
import { type ExperimentSummary, searchExperiments, useExperiment } from "@/components/experiments/use-experiments";
import type { TrialFilters as Filters } from "./use-trials";

type Props = { filters: Filters; onApply: (filters: Filters) => void };

/**
 * The trial API filters by experiment id only; a name is looked up with `?search=` first, and
 * when several experiments match, the person picks one.
 */
export function TrialFilters({ filters, onApply }: Props) {
  const current = useExperiment(filters.experiment);
  const [matches, setMatches] = useState<ExperimentSummary[]>([]);
  const [pending, setPending] = useState<Filters>({}); // the other filters, kept while a match is picked
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim() || undefined;
    const next: Filters = {
      status: text("status"),
      schedule: text("schedule"),
      since: localInputToIso(String(form.get("since") ?? "")),
      until: localInputToIso(String(form.get("until") ?? "")),
    };
    setError(null);
    setMatches([]);
    const experiment = text("experiment");
    if (!experiment || isUuid(experiment)) return onApply({ ...next, experiment });
    try {
      const found = await searchExperiments(experiment);
      if (found.length === 1) return onApply({ ...next, experiment: found[0].id });
      if (found.length === 0) return setError(`No experiment matches “${experiment}”.`);
      setMatches(found);
      setPending(next);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not search experiments.");
    }
  }
  const experimentDefault = filters.experiment ? (current.data?.name ?? filters.experiment) : "";
  return (
    <form onSubmit={onSubmit} aria-label="Filter trials" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field
          key={experimentDefault}
          label="Experiment"
          name="experiment"
          placeholder="id or name"
          defaultValue={experimentDefault}
        />
        <SelectField label="Status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any</option>
          {TRIAL_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </SelectField>
        <ScheduleSelect value={filters.schedule} />
        <Field label="Since" name="since" type="datetime-local" defaultValue={isoToLocalInput(filters.since)} />
        <Field label="Until" name="until" type="datetime-local" defaultValue={isoToLocalInput(filters.until)} />
      </div>
      <div className="flex gap-2">
        <button type="submit" className={button.primary}>
          Apply filters
        </button>
        <button type="button" className={button.secondary} onClick={() => onApply({})}>
          Clear
        </button>
      </div>
      <FormError message={error} />
      {matches.length > 0 && (
        <fieldset aria-label="Matching experiments" className="flex flex-wrap items-center gap-2 text-sm">
          <span>{matches.length} experiments match; pick one:</span>
          {matches.map((e) => (
            <button
              key={e.id}
              type="button"
              className={button.secondary}
              onClick={() => {
                setMatches([]);
                onApply({ ...pending, experiment: e.id });
              }}
            >
              {e.name}
            </button>
          ))}
        </fieldset>
      )}
    </form>
  );
}
