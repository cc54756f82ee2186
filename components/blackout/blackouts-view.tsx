"use client";

import { useExperimentNames } from "@/components/experiments/use-experiments";
import { PageHeader } from "@/components/ui/page-header";
import { BlackoutForm } from "./blackout-form";
import { BlackoutTable } from "./blackout-table";
import { useBlackouts } from "./use-blackouts";

/**
 * Every blackout window: the global ones (admins change them) and each experiment's own (its
 * operators change those on the experiment's page). Everyone signed in may look.
 */
export function BlackoutsView({ isAdmin, canOperate }: { isAdmin: boolean; canOperate: boolean }) {
  const windows = useBlackouts(null);
  const ids = [...new Set((windows.data ?? []).flatMap((w) => (w.experiment ? [w.experiment] : [])))];
  const names = useExperimentNames(ids);
  return (
    <section className="space-y-6">
      <PageHeader title="Blackout windows">
        No trial starts inside an open window: a schedule&apos;s firing and a Run now are recorded Skipped with the
        window named. {isAdmin ? "" : "Only admins change global windows; an experiment's own windows are on its page."}
      </PageHeader>
      {isAdmin && <BlackoutForm experiment={null} title="Add a global window" />}
      <BlackoutTable
        experiment={null}
        label="Blackout windows"
        experimentNames={names}
        canDelete={(w) => (w.experiment === null ? isAdmin : canOperate)}
        empty="No blackout window: trials may start at any time."
      />
    </section>
  );
}
