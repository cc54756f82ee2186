"use client";

import { Field, SelectField } from "@/components/ui/field";
import type { Draft } from "./draft";
import { buildPattern, PRESET_LABEL, PRESETS, type PresetKind, type PresetValues, WEEKDAYS } from "./pattern-presets";

type Props = { draft: Draft; onChange: (patch: Partial<Draft>) => void; error?: string };

/** A preset writes the cron pattern; typing in the pattern itself switches to "custom". */
export function PatternFields({ draft, onChange, error }: Props) {
  function choose(preset: PresetKind, presetValues: PresetValues = draft.presetValues) {
    const built = buildPattern(preset, presetValues);
    onChange({ preset, presetValues, ...(built ? { pattern: built } : {}) });
  }
  const setValue = (key: keyof PresetValues) => (e: { target: { value: string } }) =>
    choose(draft.preset, { ...draft.presetValues, [key]: e.target.value });
  const v = draft.presetValues;

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField label="Repeat" value={draft.preset} onChange={(e) => choose(e.target.value as PresetKind)}>
        {PRESETS.map((p) => (
          <option key={p} value={p}>
            {PRESET_LABEL[p]}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-2 gap-4">
        {draft.preset === "minutes" && (
          <Field
            className="col-span-2"
            label="Every (minutes)"
            type="number"
            min={1}
            max={1440}
            value={v.every}
            onChange={setValue("every")}
            hint="5, 10, 15, 20 or 30 run on the clock (:00, :15, …); any other number runs every N minutes from when the schedule is saved."
          />
        )}
        {draft.preset === "hourly" && (
          <Field label="At minute" type="number" min={0} max={59} value={v.minute} onChange={setValue("minute")} />
        )}
        {draft.preset === "weekly" && (
          <SelectField label="On" value={v.weekday} onChange={setValue("weekday")}>
            {WEEKDAYS.map((day, i) => (
              <option key={day} value={String(i)}>
                {day}
              </option>
            ))}
          </SelectField>
        )}
        {draft.preset === "monthly" && (
          <Field label="On day" type="number" min={1} max={31} value={v.monthDay} onChange={setValue("monthDay")} />
        )}
        {["daily", "weekdays", "weekly", "monthly"].includes(draft.preset) && (
          <Field label="At" type="time" required value={v.time} onChange={setValue("time")} />
        )}
      </div>
      <Field
        className="sm:col-span-2"
        label="Pattern"
        name="recurrence_pattern"
        value={draft.pattern}
        onChange={(e) => onChange({ preset: "custom", pattern: e.target.value })}
        error={error}
        spellCheck={false}
        autoComplete="off"
        hint={
          <>
            5-field cron (<code>minute hour day month weekday</code>), 6 with seconds first, <code>@daily</code>-style
            nicknames, or <code>@every 1h30m</code>.
          </>
        }
        required
      />
    </div>
  );
}
