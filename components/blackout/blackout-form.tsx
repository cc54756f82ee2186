"use client";

import { type FormEvent, useState } from "react";
import { TimezoneField } from "@/components/schedules/timezone-field";
import { useBrowserZone } from "@/components/schedules/use-browser-zone";
import { Field, FormError, SelectField } from "@/components/ui/field";
import { button, card } from "@/components/ui/styles";
import { ApiError, type FieldMessages } from "@/lib/client/api-fetch";
import { parseDuration } from "./duration";
import { type NewWindow, useCreateBlackout } from "./use-blackouts";

type Kind = "recurring" | "fixed";
type Props = {
  /** An experiment's own window; null for a global one (admins). */
  experiment: string | null;
  title: string;
};

/** `datetime-local` text is the reader's wall clock; the API wants an instant with its offset. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** Adds a window: recurring (a cron start, a duration, a zone) or fixed (from … to …). */
export function BlackoutForm(props: Props) {
  // The form's zone defaults to the browser's, known only once hydrated.
  const zone = useBrowserZone();
  if (!zone) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading form…</p>;
  return <WindowForm {...props} zone={zone} />;
}

function WindowForm({ experiment, title, zone }: Props & { zone: string }) {
  const create = useCreateBlackout();
  const [kind, setKind] = useState<Kind>("recurring");
  const [timezone, setTimezone] = useState(zone);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const titleId = experiment ? `blackout-form-${experiment}` : "blackout-form";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (k: string) => String(form.get(k) ?? "").trim();
    setErrors({});
    setFormError(null);
    setCreated(null);
    const input: NewWindow = {
      name: text("name"),
      kind,
      experiment,
      on_running: text("on_running") as NewWindow["on_running"],
    };
    if (kind === "recurring") {
      const seconds = parseDuration(text("duration"));
      if (seconds === null)
        return setErrors({ duration_seconds: "Enter how long it stays open, e.g. 16h, 90m or 1h30m." });
      Object.assign(input, { cron: text("cron"), duration_seconds: seconds, timezone: timezone.trim() });
    } else {
      Object.assign(input, { starts_at: toInstant(text("starts_at")), ends_at: toInstant(text("ends_at")) });
    }
    try {
      const w = await create.mutateAsync(input);
      formElement.reset();
      setCreated(`Added “${w.name}”: ${w.description}.`);
    } catch (err) {
      // The API answers {"field": ["message"]}: each message goes under its field.
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(err instanceof Error ? err.message : "Could not add the window.");
    }
  }

  return (
    <form onSubmit={onSubmit} className={`${card} space-y-4`} aria-labelledby={titleId} noValidate>
      <h2 id={titleId} className="text-base font-semibold">
        {title}
      </h2>
      <FormError message={formError} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">Kind</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ["recurring", "Recurring (a cron start and a duration)"],
              ["fixed", "Fixed (from … to …, e.g. a change freeze)"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => {
                  setKind(value);
                  setErrors({});
                }}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          required
          autoComplete="off"
          error={errors.name}
          hint="Named in the reason of every trial it holds."
        />
        <SelectField
          label="A trial running when it opens"
          name="on_running"
          defaultValue="finish"
          error={errors.on_running}
        >
          <option value="finish">finishes</option>
          <option value="stop">is stopped (its post-steps run)</option>
        </SelectField>
        {kind === "recurring" ? (
          <>
            <Field
              label="Opens at (cron)"
              name="cron"
              required
              autoComplete="off"
              spellCheck={false}
              placeholder="0 17 * * 1-5"
              error={errors.cron}
              hint="A 5-field cron pattern or @daily, read in the time zone below."
            />
            <Field
              label="Stays open for"
              name="duration"
              required
              autoComplete="off"
              placeholder="16h"
              error={errors.duration_seconds}
              hint="e.g. 16h, 90m, 1h30m or 2d (at least 1 minute, at most 31 days)."
            />
            <TimezoneField value={timezone} onChange={setTimezone} error={errors.timezone} />
          </>
        ) : (
          <>
            <Field
              label="Starts at"
              name="starts_at"
              type="datetime-local"
              required
              error={errors.starts_at}
              hint={`Your time zone (${zone}).`}
            />
            <Field
              label="Ends at"
              name="ends_at"
              type="datetime-local"
              required
              error={errors.ends_at}
              hint={`Your time zone (${zone}).`}
            />
          </>
        )}
      </div>
      {errors.experiment && <FormError message={`experiment: ${errors.experiment}`} />}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={button.primary} disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add window"}
        </button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {created}
        </p>
      </div>
    </form>
  );
}
