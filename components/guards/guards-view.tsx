"use client";

import { StackedTable } from "@/components/ui/stacked-table";
import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { GuardForm } from "./guard-form";
import { GuardRow } from "./guard-row";
import { useGlobalGuards } from "./use-global-guards";

const COLUMNS = ["Name", "Probe", "Runs", "Sets", "Last check"];

/** Global guards: probes the runner watches all the time. Everyone may look; admins change them. */
export function GuardsView({ isAdmin }: { isAdmin: boolean }) {
  const guards = useGlobalGuards();
  const [editing, setEditing] = useState<string | null>(null);
  const edited = guards.data?.find((g) => g.id === editing);
  return (
    <section className="space-y-6">
      <PageHeader title="Global guards">
        Probes the runner watches all the time, typically a Prometheus alert query. When one fails more times in a row
        than its tolerance, the global signal becomes PAUSE or STOP with the guard named as the reason; people set RUN
        again.
      </PageHeader>
      {isAdmin &&
        (edited ? <GuardForm key={edited.id} existing={edited} onDone={() => setEditing(null)} /> : <GuardForm />)}
      {guards.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading guards…</p>
      ) : guards.isError ? (
        <FormError message={guards.error.message} />
      ) : guards.data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No global guard: only people change the signal.</p>
      ) : (
        <StackedTable label="Global guards" columns={COLUMNS}>
          {guards.data.map((g) => (
            <GuardRow key={g.id} guard={g} isAdmin={isAdmin} onEdit={() => setEditing(g.id)} />
          ))}
        </StackedTable>
      )}
    </section>
  );
}
