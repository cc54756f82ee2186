"use client";

import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { DryRunResult } from "./dry-run-result";
import { useDryRun } from "./use-dry-run";

type Props = {
  experimentId: string;
  /** The parameters to check with, or why they cannot be read (shown instead of asking). */
  parameters: () => { value: Record<string, unknown> } | { error: string };
  /** Says what is checked, e.g. "the saved revision, not your unsaved changes". */
  hint?: string;
};

/**
 * The Check button: a dry run of the experiment as it is stored, with these parameters. It
 * resolves and validates everything (credentials present, windows, signal) but runs nothing.
 */
export function DryRunCheck({ experimentId, parameters, hint }: Props) {
  const check = useDryRun(experimentId);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  return (
    <div className="space-y-3" data-testid="dry-run">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={button.secondary}
          disabled={check.isPending}
          onClick={() => {
            const typed = parameters();
            setUnreadable("error" in typed ? typed.error : null);
            if ("value" in typed) check.mutate(typed.value);
            else check.reset();
          }}
        >
          {check.isPending ? "Checking…" : "Check"}
        </button>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {hint ?? "A dry run: every argument, credential and window is checked; nothing runs, no trial is created."}
        </p>
      </div>
      <FormError message={unreadable ?? (check.isError ? `Could not check: ${check.error.message}` : null)} />
      {check.data && <DryRunResult plan={check.data} />}
    </div>
  );
}
