"use client";

import Link from "next/link";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { button } from "@/components/ui/styles";
import { ListPager } from "./list-pager";
import { ExperimentFilters } from "./experiment-filters";
import { ExperimentTable } from "./experiment-table";
import { type ListQuery, useExperimentList } from "./use-experiments";

/** The list reads its filters and page from the URL, so every view of it can be linked and reloaded. */
export function ExperimentsView({ query, canWrite }: { query: ListQuery; canWrite: boolean }) {
  const list = useExperimentList(query);
  const filtered = Boolean(query.search || query.label);
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title="Experiments">What can be run as a trial, on demand or on a schedule.</PageHeader>
        {canWrite && (
          <div className="flex gap-2">
            <Link href="/experiments/import" className={button.secondary}>
              Import
            </Link>
            <Link href="/experiments/new" className={button.primary}>
              New experiment
            </Link>
          </div>
        )}
      </div>
      <ExperimentFilters search={query.search} label={query.label} />
      {list.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading experiments…</p>
      ) : list.isError ? (
        <FormError message={list.error.message} testId="experiments-error" />
      ) : list.data.experiments.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="experiments-empty">
          {filtered ? "No experiment matches these filters." : "No experiments yet."}
        </p>
      ) : (
        <>
          <ExperimentTable experiments={list.data.experiments} />
          <ListPager query={query} total={list.data.total} />
        </>
      )}
    </section>
  );
}
