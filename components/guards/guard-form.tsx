"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { fieldErrorsOf } from "@/components/experiments/api-errors";
import type { Step } from "@/components/experiments/types";
import { Field, FormError, SelectField } from "@/components/ui/field";
import { button, card } from "@/components/ui/styles";
import { type DraftStep, emptyStep, toDraftStep, toStep } from "@/components/wizard/draft";
import { StepEditor } from "@/components/wizard/step-editor";
import { useModules } from "@/components/wizard/use-modules";
import { type GlobalGuard, useSaveGlobalGuard } from "./use-global-guards";

type Props = {
  /** Edit this guard (PATCH); without it, add one (POST). */
  existing?: GlobalGuard;
  onDone?: () => void;
};

/** A whole number as typed becomes a number; anything else goes as typed, for the API to name the field. */
const readInt = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text.trim());

/**
 * A global guard: a name, what the signal becomes when it fails past its tolerance, how often it
 * runs, and the probe itself, edited like a wizard step (action from the catalogue, its arguments,
 * credentials, expectations). Secrets come back masked; sent back unchanged, the server keeps them.
 */
export function GuardForm({ existing, onDone }: Props) {
  const modules = useModules();
  const save = useSaveGlobalGuard(existing?.id);
  const [probe, setProbe] = useState<DraftStep>(() =>
    existing ? toDraftStep(existing.step as unknown as Step) : emptyStep(),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const titleId = existing ? `guard-form-${existing.id}` : "guard-form";
  const nameInput = useRef<HTMLInputElement>(null);
  // Edit was pressed in the list below: the keyboard moves up to the form with the view.
  // (Keyed on the id: the list's polls bring new objects for the same guard.)
  const editingId = existing?.id;
  useEffect(() => {
    if (editingId) nameInput.current?.focus();
  }, [editingId]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (k: string) => String(form.get(k) ?? "");
    setErrors({});
    setFormError(null);
    setSaved(null);
    const raw = Object.keys(probe.raw ?? {});
    if (raw.length) {
      const first = `step.where.${raw[0]}`;
      return setErrors({ [first]: "Not valid JSON: fix it or empty the field to save." });
    }
    try {
      const g = await save.mutateAsync({
        name: text("name").trim(),
        action: text("action") as GlobalGuard["action"],
        interval_seconds: readInt(text("interval_seconds")),
        tolerance: readInt(text("tolerance")),
        enabled: form.get("enabled") === "on",
        step: toStep(probe),
      });
      if (existing) return onDone?.();
      formElement.reset();
      setProbe(emptyStep());
      setSaved(`Added “${g.name}”: the runner watches it from now on.`);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setFormError(err instanceof Error ? err.message : "Could not save the guard.");
    }
  }

  return (
    <form onSubmit={onSubmit} className={`${card} space-y-4`} aria-labelledby={titleId} noValidate>
      <h2 id={titleId} className="text-base font-semibold">
        {existing ? `Edit “${existing.name}”` : "Add a global guard"}
      </h2>
      <FormError message={formError} />
      {Object.keys(errors).length > 0 && (
        <FormError message={`Not saved: see ${Object.keys(errors).join(", ")}.`} testId="guard-form-error" />
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          ref={nameInput}
          label="Name"
          name="name"
          required
          autoComplete="off"
          defaultValue={existing?.name}
          error={errors.name}
          hint="Named as the reason when it sets the signal."
        />
        <SelectField
          label="When it fails, set the signal to"
          name="action"
          defaultValue={existing?.action ?? "PAUSE"}
          error={errors.action}
        >
          <option value="PAUSE">PAUSE (queued trials wait)</option>
          <option value="STOP">STOP (trials are stopped)</option>
        </SelectField>
        <Field
          label="Interval (seconds)"
          name="interval_seconds"
          inputMode="numeric"
          required
          defaultValue={existing?.interval_seconds ?? 30}
          error={errors.interval_seconds}
          hint="1 to 3600."
        />
        <Field
          label="Tolerance"
          name="tolerance"
          inputMode="numeric"
          required
          defaultValue={existing?.tolerance ?? 0}
          error={errors.tolerance}
          hint="Failures in a row allowed before it trips."
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={existing?.enabled ?? true} />
        Enabled (the runner watches it)
      </label>
      {modules.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading the module catalogue…</p>
      ) : modules.isError ? (
        <FormError message={`Could not load the modules: ${modules.error.message}`} />
      ) : (
        <StepEditor
          step={probe}
          index={0}
          count={1}
          title="Probe"
          errorBase="step"
          errors={errors}
          catalogue={modules.data}
          placeholders={[]}
          withParameters={false}
          onChange={setProbe}
        />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={button.primary} disabled={save.isPending}>
          {save.isPending ? "Saving…" : existing ? "Save guard" : "Add guard"}
        </button>
        {existing && (
          <button type="button" className={button.secondary} onClick={onDone}>
            Cancel
          </button>
        )}
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {saved}
        </p>
      </div>
    </form>
  );
}
