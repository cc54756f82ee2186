"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FormError } from "@/components/ui/field";
import { button, card } from "@/components/ui/styles";
import { ApiError, type FieldMessages } from "@/lib/client/api-fetch";
import { type Draft, toInput } from "./draft";
import { PatternFields } from "./pattern-fields";
import { PolicyFields } from "./policy-fields";
import { HaltNotice } from "./halt-notice";
import { PreviewPanel } from "./preview-panel";
import { RunFields } from "./run-fields";
import { TimezoneField } from "./timezone-field";
import type { Schedule } from "./types";
import { usePreview, useSaveSchedule } from "./use-schedules";

/** Which API field each draft key feeds, so editing a field clears the save error shown on it. */
const API_FIELD: Record<keyof Draft, string> = {
  preset: "recurrence_pattern",
  presetValues: "recurrence_pattern",
  pattern: "recurrence_pattern",
  timezone: "timezone",
  policy: "concurrency_policy",
  deadline: "starting_deadline_seconds",
  historyLimit: "history_limit",
  recurrenceCount: "recurrence_count",
  paused: "paused",
  parameters: "parameters",
  ticketType: "ticket",
  ticketNumber: "ticket",
  metadata: "metadata",
};
const SHOWN_FIELDS = new Set(Object.values(API_FIELD));

type Props = { experimentId: string; initial: Draft; existing?: Schedule };

/** Create (POST) or edit (PUT) one schedule, with a live preview of its next runs. */
export function ScheduleForm({ experimentId, initial, existing }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [saveErrors, setSaveErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveSchedule(experimentId, existing?.id);
  const preview = usePreview(draft.pattern, draft.timezone, experimentId);

  function change(patch: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...patch }));
    const touched = new Set(Object.keys(patch).map((k) => API_FIELD[k as keyof Draft]));
    setSaveErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !touched.has(field))));
  }
  // A save error is about what was sent; a preview error about what is typed now, so it wins once shown.
  const errors: FieldMessages = { ...saveErrors, ...(preview.settling ? {} : preview.fieldErrors) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaveErrors({});
    setFormError(null);
    try {
      await save.mutateAsync(toInput(draft));
      router.push("/schedules");
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      const elsewhere = Object.entries(fields).find(([field]) => !SHOWN_FIELDS.has(field));
      if (Object.keys(fields).length) setSaveErrors(fields);
      if (elsewhere) setFormError(`${elsewhere[0]}: ${elsewhere[1]}`);
      else if (!Object.keys(fields).length)
        setFormError(err instanceof Error ? err.message : "Could not save the schedule.");
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label="Schedule" noValidate className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <div className={`${card} min-w-0 space-y-6`}>
        <FormError message={formError} testId="schedule-form-error" />
        <PatternFields draft={draft} onChange={change} error={errors.recurrence_pattern} />
        <TimezoneField value={draft.timezone} onChange={(timezone) => change({ timezone })} error={errors.timezone} />
        <PolicyFields draft={draft} onChange={change} errors={errors} />
        <RunFields experimentId={experimentId} draft={draft} onChange={change} errors={errors} />
        <HaltNotice />
        <div className="flex gap-3">
          <button type="submit" className={button.primary} disabled={save.isPending}>
            {save.isPending ? "Saving…" : existing ? "Save changes" : "Create schedule"}
          </button>
          <button type="button" className={button.secondary} onClick={() => router.push("/schedules")}>
            Cancel
          </button>
        </div>
      </div>
      <PreviewPanel
        empty={preview.empty}
        preview={preview.data}
        isPending={preview.isFetching}
        isError={preview.isError && !preview.settling}
        settling={preview.settling}
      />
    </form>
  );
}
