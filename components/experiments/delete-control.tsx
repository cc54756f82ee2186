"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import type { Experiment } from "./types";
import { useDeleteExperiment } from "./use-experiments";

/** Deleting also removes the experiment's schedules, so the first click only asks. */
export function DeleteControl({ experiment }: { experiment: Experiment }) {
  const router = useRouter();
  const remove = useDeleteExperiment(experiment.id);
  const [confirming, setConfirming] = useState(false);

  if (!confirming)
    return (
      <button type="button" className={button.danger} onClick={() => setConfirming(true)}>
        Delete
      </button>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="text-sm">Delete “{experiment.name}” and its schedules?</span>
      <button
        type="button"
        className={button.danger}
        disabled={remove.isPending}
        onClick={() => remove.mutate(undefined, { onSuccess: () => router.push("/experiments") })}
      >
        Confirm delete
      </button>
      <button type="button" className={button.secondary} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <FormError message={remove.error?.message} />
    </span>
  );
}
