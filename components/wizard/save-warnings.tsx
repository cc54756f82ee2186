"use client";

import Link from "next/link";
import type { SaveWarning } from "@/components/experiments/types";
import { button } from "@/components/ui/styles";
import { PAGES, pageOfError } from "./pages";

/** `steps.0.where.credentials.password_key` → "Steps, step 1: where.credentials.password_key". */
export function describeField(field: string): string {
  const [list, index, ...rest] = field.split(".");
  const page = PAGES.find((p) => p.id === pageOfError(field));
  if (!page || !/^\d+$/.test(index ?? "")) return field;
  return `${page.title}, step ${Number(index) + 1}: ${rest.join(".") || list}`;
}

/**
 * Shown instead of moving on when a save succeeded with warnings: the experiment is stored, but
 * the named steps will fail when they run until an administrator changes the setting quoted.
 */
export function SaveWarnings({
  id,
  warnings,
  onKeepEditing,
}: {
  id: string;
  warnings: SaveWarning[];
  onKeepEditing?: () => void;
}) {
  const steps = new Set(warnings.map((w) => w.field.split(".").slice(0, 2).join("."))).size;
  return (
    <section
      role="status"
      data-testid="save-warnings"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <h2 className="font-semibold">Saved, but {steps === 1 ? "a step" : "some steps"} will fail when run</h2>
      <ul className="list-disc space-y-2 pl-5">
        {warnings.map((w) => (
          <li key={w.field}>
            <span className="font-medium">{describeField(w.field)}</span>: {w.message}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Link href={`/experiments/${id}`} className={button.primary}>
          Open the experiment
        </Link>
        {onKeepEditing && (
          <button type="button" className={button.secondary} onClick={onKeepEditing}>
            Keep editing
          </button>
        )}
      </div>
    </section>
  );
}
