"use client";

import type { StepList } from "@/components/experiments/types";
import { FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { type DraftStep, emptyStep } from "./draft";
import { StepEditor } from "./step-editor";
import type { Catalogue } from "./use-modules";

const INTRO: Record<StepList, string> = {
  pre_steps: "Run first; if any fails the trial is Aborted and nothing else runs.",
  steps: "The experiment itself; the first failure skips the remaining steps.",
  post_steps: "The rollback: always runs once the pre-steps passed, even after a failure or a stop.",
};

type Props = {
  list: StepList;
  steps: DraftStep[];
  onChange: (steps: DraftStep[]) => void;
  catalogue: Catalogue;
  placeholders: string[];
  errors: Record<string, string>;
};

export function StepListEditor({ list, steps, onChange, catalogue, placeholders, errors }: Props) {
  const replace = (i: number, step: DraftStep) => onChange(steps.map((s, j) => (j === i ? step : s)));
  const move = (i: number, delta: -1 | 1) => {
    const next = [...steps];
    [next[i], next[i + delta]] = [next[i + delta], next[i]];
    onChange(next);
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
          onRemove={() => onChange(steps.filter((_, j) => j !== i))}
        />
      ))}
      <button type="button" className={button.secondary} onClick={() => onChange([...steps, emptyStep()])}>
        Add a step
      </button>
    </div>
  );
}
