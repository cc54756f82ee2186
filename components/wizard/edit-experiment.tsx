"use client";

import { useExperiment } from "@/components/experiments/use-experiments";
import { FormError } from "@/components/ui/field";
import { ExperimentWizard } from "./experiment-wizard";

/** The wizard, prefilled once the experiment has loaded. */
export function EditExperiment({ id }: { id: string }) {
  const experiment = useExperiment(id);
  if (experiment.isPending)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading the experiment…</p>;
  if (experiment.isError) return <FormError message={experiment.error.message} />;
  return <ExperimentWizard initial={experiment.data} />;
}
