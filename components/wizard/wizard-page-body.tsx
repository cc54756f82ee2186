"use client";

import { FormError } from "@/components/ui/field";
import { BasicsPage } from "./basics-page";
import { type Draft, parameterNames, toExperiment } from "./draft";
import { isStepPage, type PageId, pageOfError } from "./pages";
import { ParametersPage } from "./parameters-page";
import { ReviewPage } from "./review-page";
import { StepListEditor } from "./step-list-editor";
import { useModules } from "./use-modules";

type Props = {
  page: PageId;
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  errors: Record<string, string>;
  saved?: { id: string; dirty: boolean };
};

/** The form for one wizard page. */
export function WizardPageBody({ page, draft, update, errors, saved }: Props) {
  const modules = useModules();
  if (page === "basics") return <BasicsPage draft={draft} update={update} errors={errors} />;
  if (page === "parameters") return <ParametersPage draft={draft} update={update} errors={errors} />;
  if (page === "review") {
    const other = Object.entries(errors).filter(([path]) => pageOfError(path) === "review");
    return <ReviewPage experiment={toExperiment(draft)} otherErrors={other} saved={saved} />;
  }
  if (!isStepPage(page)) return null;
  if (modules.isPending)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading the module catalogue…</p>;
  if (modules.isError) return <FormError message={`Could not load the modules: ${modules.error.message}`} />;
  return (
    <StepListEditor
      list={page}
      steps={draft[page]}
      onChange={(steps) => update({ [page]: steps })}
      catalogue={modules.data}
      placeholders={parameterNames(draft).map((n) => `{{ ${n} }}`)}
      errors={errors}
    />
  );
}
