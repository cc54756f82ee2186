"use client";

import { input } from "@/components/ui/styles";
import { ActionPicker } from "./action-picker";
import { ArgsForm } from "./args-form";
import { CredentialsEditor } from "./credentials-editor";
import type { DraftStep } from "./draft";
import { ExpectEditor } from "./expect-editor";
import { Labelled } from "./labelled";
import { errorAt } from "./pages";
import { GuardTiming } from "./guard-timing";
import { StepToolbar } from "./step-toolbar";
import { type Catalogue, findAction } from "./use-modules";

type Props = {
  step: DraftStep;
  index: number;
  count: number;
  /** `steps.0`: where the API reports this step's errors. */
  errorBase: string;
  errors: Record<string, string>;
  catalogue: Catalogue;
  placeholders: string[];
  onChange: (step: DraftStep) => void;
  /** Without these (a lone probe, as a global guard's), there is nothing to reorder or remove. */
  onMove?: (delta: -1 | 1) => void;
  onRemove?: () => void;
  /** The fieldset's name when it is not "Step N"/"Guard N". */
  title?: string;
  /** False where no parameters exist (a global guard runs outside any trial): no {{ name }} hint. */
  withParameters?: boolean;
};

export function StepEditor({
  step,
  index,
  count,
  errorBase,
  errors,
  catalogue,
  placeholders,
  title,
  withParameters = true,
  ...on
}: Props) {
  const label = title ?? `${step.guard ? "Guard" : "Step"} ${index + 1}`;
  const action = findAction(catalogue, step.action);
  const listId = `${step.id}-placeholders`;
  const { credentials, ...args } = step.where;
  const setArgs = (where: Record<string, unknown>, raw: Record<string, string>) =>
    on.onChange({ ...step, where: credentials === undefined ? where : { ...where, credentials }, raw });

  // A new action keeps only the arguments it also declares.
  function chooseAction(next: string) {
    const keys = Object.keys(findAction(catalogue, next)?.args_schema.properties ?? {});
    const keep = ([k]: [string, unknown]) => k === "credentials" || keys.includes(k);
    const where = Object.fromEntries(Object.entries(step.where).filter(keep));
    const raw = Object.fromEntries(Object.entries(step.raw ?? {}).filter(keep)) as Record<string, string>;
    on.onChange({ ...step, action: next, where, raw });
  }

  return (
    <fieldset
      className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
      data-testid="step-editor"
    >
      <legend className="px-1 text-sm font-semibold">
        {label}
        {step.action && `: ${step.action}`}
      </legend>
      {on.onMove && on.onRemove && (
        <StepToolbar
          label={label}
          first={index === 0}
          last={index === count - 1}
          onMove={on.onMove}
          onRemove={on.onRemove}
        />
      )}
      <ActionPicker
        stepId={step.id}
        catalogue={catalogue}
        value={step.action}
        onChange={chooseAction}
        error={errorAt(errors, `${errorBase}.do`)}
        stepLabel={label}
      />
      <Labelled
        label={step.guard ? "Guard name (optional)" : "Step name (optional)"}
        hint={
          step.guard
            ? "Names the guard on the timeline, in reports and in the reason of a trial it stops."
            : "Shown on the timeline and in reports; without one, the action's name is used."
        }
        error={errors[`${errorBase}.${step.guard ? "name" : "step"}`]}
      >
        {(control) => (
          <input
            {...control}
            className={input}
            value={step.description}
            onChange={(e) => on.onChange({ ...step, description: e.target.value })}
          />
        )}
      </Labelled>
      {step.guard && (
        <GuardTiming
          value={step.guard}
          onChange={(guard) => on.onChange({ ...step, guard })}
          errors={errors}
          errorBase={errorBase}
        />
      )}
      <datalist id={listId}>
        {placeholders.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      {withParameters && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="placeholder-hint">
          {placeholders.length
            ? `Any argument accepts a parameter: ${placeholders.join(", ")}.`
            : "Add parameters on the Parameters page to use them here as {{ name }}."}
        </p>
      )}
      {errors[`${errorBase}.where`] && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors[`${errorBase}.where`]}
        </p>
      )}
      {action && (
        <ArgsForm
          key={action.do}
          schema={action.args_schema}
          where={args}
          raw={step.raw ?? {}}
          onChange={setArgs}
          placeholders={placeholders}
          errors={errors}
          errorBase={`${errorBase}.where`}
          listId={listId}
        />
      )}
      <CredentialsEditor
        types={catalogue.credentials}
        value={credentials}
        onChange={(c) => on.onChange({ ...step, where: c === undefined ? args : { ...args, credentials: c } })}
        errors={errors}
        errorBase={`${errorBase}.where.credentials`}
      />
      <ExpectEditor
        rows={step.expect}
        operators={catalogue.expect_operators}
        onChange={(expect) => on.onChange({ ...step, expect })}
        errors={errors}
        errorBase={`${errorBase}.expect`}
        stepLabel={label}
      />
    </fieldset>
  );
}
