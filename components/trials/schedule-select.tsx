"use client";

import { useAllSchedules } from "@/components/schedules/use-schedules";
import { SelectField } from "@/components/ui/field";

/**
 * The trials list's schedule filter: schedules by experiment and pattern, not an id to paste. A
 * schedule in the address that is gone still shows, by its id, so the filter reads true.
 */
export function ScheduleSelect({ value }: { value: string | undefined }) {
  const schedules = useAllSchedules();
  const list = [...(schedules.data ?? [])].sort((a, b) =>
    (a.experiment_name ?? "").localeCompare(b.experiment_name ?? ""),
  );
  const known = !value || list.some((s) => s.id === value);
  return (
    // Keyed on the list's arrival: a default value only counts when the options exist.
    <SelectField key={list.length} label="Schedule" name="schedule" defaultValue={value ?? ""}>
      <option value="">Any</option>
      {!known && <option value={value}>{value}</option>}
      {list.map((s) => (
        <option key={s.id} value={s.id}>
          {s.experiment_name ?? s.experiment_id.slice(0, 8)} · {s.recurrence_pattern}
        </option>
      ))}
    </SelectField>
  );
}
