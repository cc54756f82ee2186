"use client";

import Link from "next/link";
import { card } from "@/components/ui/styles";
import { BlackoutForm } from "./blackout-form";
import { BlackoutTable } from "./blackout-table";

/** The experiment's own windows (its operators manage them); global ones hold it too. */
export function ExperimentBlackouts({ experimentId, canWrite }: { experimentId: string; canWrite: boolean }) {
  return (
    <section aria-labelledby="blackouts-title" className={`${card} space-y-4`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="blackouts-title" className="text-base font-semibold">
          Blackout windows
        </h2>
        <Link href="/admin/blackouts" className="text-sm underline">
          Global windows
        </Link>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        This experiment&apos;s own windows: no trial of it starts while one is open. Global windows hold it too.
      </p>
      <BlackoutTable
        experiment={experimentId}
        label="This experiment's blackout windows"
        canDelete={() => canWrite}
        empty="None of its own."
      />
      {canWrite && <BlackoutForm experiment={experimentId} title="Add a window for this experiment" />}
    </section>
  );
}
