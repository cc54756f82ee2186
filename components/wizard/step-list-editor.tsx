"use client";

import { useEffect, useRef, useState } from "react";
import { FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { type DraftStep, type EditList, emptyGuard, emptyStep } from "./draft";
import { StepEditor } from "./step-editor";
import type { Catalogue } from "./use-modules";

const INTRO: Record<EditList, string> = {
  pre_steps: "Run first; if any fails the trial is Aborted and nothing else runs.",
  steps: "The experiment itself; the first failure skips the remaining steps.",
  post_steps: "The rollback: always runs once the pre-steps passed, even after a failure or a stop.",
  guards:
    "Probes that watch the system while the steps run, each on its own interval. A guard that fails more times in a row than its tolerance stops the trial: the running step is aborted and the post-steps run.",
};

type Props = {
  list: EditList;
  steps: DraftStep[];
  onChange: (steps: DraftStep[]) => void;
  catalogue: Catalogue;
  placeholders: string[];
  errors: Record<string, string>;
};

type Removed = { step: DraftStep; index: number };

/**
 * One step list. The keyboard stays with the work: a new step gets the focus (its action search),
 * and Remove offers Undo, focused, instead of dropping the focus on the page.
 */
export function StepListEditor({ list, steps, onChange, catalogue, placeholders, errors }: Props) {
  const [focusStep, setFocusStep] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const undo = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusStep) return;
    document.querySelector<HTMLElement>(`[data-step-search="${focusStep}"]`)?.focus();
    setFocusStep(null);
  }, [focusStep]);
  useEffect(() => {
    if (removed) undo.current?.focus();
  }, [removed]);

  const replace = (i: number, step: DraftStep) => onChange(steps.map((s, j) => (j === i ? step : s)));
  const move = (i: number, delta: -1 | 1) => {
    const next = [...steps];
    [next[i], next[i + delta]] = [next[i + delta], next[i]];
    onChange(next);
  };
  const noun = list === "guards" ? "guard" : "step";
  const add = () => {
    const step = list === "guards" ? emptyGuard() : emptyStep();
    onChange([...steps, step]);
    setRemoved(null);
    setFocusStep(step.id);
  };
  const remove = (i: number) => {
    setRemoved({ step: steps[i], index: i });
    onChange(steps.filter((_, j) => j !== i));
  };
  const restore = () => {
    if (!removed) return;
    onChange([...steps.slice(0, removed.index), removed.step, ...steps.slice(removed.index)]);
    setFocusStep(removed.step.id);
    setRemoved(null);
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{INTRO[list]}</p>
      <FormError message={errors[list]} />
      {steps.map((step, i) => (
        <StepEditor
          key={step.id}
          step={step}
          index={i}
          count={steps.length}
          errorBase={`${list}.${i}`}
          errors={errors}
          catalogue={catalogue}
          placeholders={placeholders}
          onChange={(s) => replace(i, s)}
          onMove={(delta) => move(i, delta)}
          onRemove={() => remove(i)}
        />
      ))}
      {removed && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800"
        >
          <span>
            Removed {noun} {removed.index + 1}
            {removed.step.action ? ` (${removed.step.action})` : ""}.
          </span>
          <button ref={undo} type="button" className={button.secondary} onClick={restore}>
            Undo
          </button>
        </div>
      )}
      <button type="button" className={button.secondary} onClick={add}>
        Add a {noun}
      </button>
    </div>
  );
}
