"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { downloadText, slugify, stringify, type TextFormat } from "./definition-text";
import { DeleteControl } from "./delete-control";
import { RunDialog } from "./run-dialog";
import { type Experiment, toDefinition, toExportable } from "./types";
import { useSaveExperiment } from "./use-experiments";

const MIME: Record<TextFormat, string> = { json: "application/json", yaml: "application/yaml" };

/** Export is for everyone; writing (edit, duplicate, delete, run) only for operators, as the API enforces. */
export function ExperimentActions({
  experiment,
  canWrite,
  canOverride,
}: {
  experiment: Experiment;
  canWrite: boolean;
  canOverride: boolean;
}) {
  const router = useRouter();
  const duplicate = useSaveExperiment();
  const [running, setRunning] = useState(false);

  const exportAs = (format: TextFormat) =>
    downloadText(
      stringify(toExportable(toDefinition(experiment)), format),
      `${slugify(experiment.name)}.${format}`,
      MIME[format],
    );

  function onDuplicate() {
    const copy = { ...toDefinition(experiment), name: `${experiment.name} (copy)` };
    duplicate.mutate(copy, { onSuccess: (created) => router.push(`/experiments/${created.id}`) });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Experiment actions">
        {canWrite && (
          <>
            <button type="button" className={button.primary} onClick={() => setRunning(true)}>
              Run now
            </button>
            <Link href={`/experiments/${experiment.id}/edit`} className={button.secondary}>
              Edit
            </Link>
            <button type="button" className={button.secondary} onClick={onDuplicate} disabled={duplicate.isPending}>
              {duplicate.isPending ? "Duplicating…" : "Duplicate"}
            </button>
          </>
        )}
        <button type="button" className={button.secondary} onClick={() => exportAs("json")}>
          Export JSON
        </button>
        <button type="button" className={button.secondary} onClick={() => exportAs("yaml")}>
          Export YAML
        </button>
        {canWrite && <DeleteControl experiment={experiment} />}
      </div>
      <FormError message={duplicate.error?.message} />
      {running && <RunDialog experiment={experiment} canOverride={canOverride} onClose={() => setRunning(false)} />}
    </div>
  );
}
