"use client";

import { Field } from "@/components/ui/field";
import type { FieldMessages } from "@/lib/client/api-fetch";
import type { Draft } from "./draft";
import { CONCURRENCY_POLICIES, type ConcurrencyPolicy } from "./types";

const POLICY_HELP: Record<ConcurrencyPolicy, string> = {
  Forbid: "Skip this run (recorded as Skipped) while the previous trial is still queued or running.",
  Allow: "Queue this run anyway; it starts after the previous trial.",
  Replace: "Stop the previous trial (its post-steps run) and start this one.",
};

type Props = { draft: Draft; onChange: (patch: Partial<Draft>) => void; errors: FieldMessages };

/** What happens around each firing: overlap, lateness, history and how many times it fires. */
export function PolicyFields({ draft, onChange, errors }: Props) {
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">
          When the previous trial is still running
        </legend>
        {CONCURRENCY_POLICIES.map((policy) => (
          <label key={policy} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="concurrency_policy"
              value={policy}
              className="mt-1"
              checked={draft.policy === policy}
              onChange={() => onChange({ policy })}
            />
            <span>
              <span className="font-medium">{policy}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">{POLICY_HELP[policy]}</span>
            </span>
          </label>
        ))}
        {errors.concurrency_policy && <p className="text-xs text-red-600">{errors.concurrency_policy}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Starting deadline (seconds)"
          inputMode="numeric"
          value={draft.deadline}
          onChange={(e) => onChange({ deadline: e.target.value })}
          error={errors.starting_deadline_seconds}
          hint="How late a missed run may still start. Empty: no limit."
        />
        <Field
          label="History limit"
          inputMode="numeric"
          value={draft.historyLimit}
          onChange={(e) => onChange({ historyLimit: e.target.value })}
          error={errors.history_limit}
          hint="Finished trials to keep. Empty: keep all."
        />
        <Field
          label="Recurrence count"
          inputMode="numeric"
          value={draft.recurrenceCount}
          onChange={(e) => onChange({ recurrenceCount: e.target.value })}
          error={errors.recurrence_count}
          hint="How many times to fire. Empty: forever."
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.paused} onChange={(e) => onChange({ paused: e.target.checked })} />
        Paused (fires nothing until resumed)
      </label>
    </div>
  );
}
